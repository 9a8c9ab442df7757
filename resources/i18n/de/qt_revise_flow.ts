<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtReviseFlow</name>
    <message>
        <source>New version of “{title}”</source>
        <translation>Neue Fassung von „{title}“</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Alle Dateien</translation>
    </message>
    <message>
        <source>Version {version} of the old text is kept.

Unchanged: {unchanged}
Moved: {moved}
To review (⚠): {fuzzy}
Orphaned: {orphaned}</source>
        <translation>Fassung {version} des alten Textes bleibt erhalten.

Unverändert: {unchanged}
Verschoben: {moved}
Zu prüfen (⚠): {fuzzy}
Verwaist: {orphaned}</translation>
    </message>
    <message>
        <source>New version saved</source>
        <translation>Neue Fassung gespeichert</translation>
    </message>
</context>
</TS>
