<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtBackupsDialog</name>
    <message>
        <source>daily copy</source>
        <extracomment>Why each kind of backup was made, in words a reader of the list understands (translated when shown).</extracomment>
        <translation>tägliche Kopie</translation>
    </message>
    <message>
        <source>weekly copy</source>
        <translation>wöchentliche Kopie</translation>
    </message>
    <message>
        <source>made by you</source>
        <translation>von Ihnen angelegt</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>vor einer Wiederherstellung</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>vor einem Upgrade</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>A backup is a copy of your library. Annotator makes one every day and every week, one before it upgrades the library for a new version, and one before every restore; “Back up now” makes one whenever you like. Restoring replaces your library with the copy you choose, and keeps your library as it was as one more copy, so a restore can be undone here too.</source>
        <translation>Eine Sicherung ist eine Kopie Ihrer Bibliothek. Annotator legt jeden Tag und jede Woche eine an, eine, bevor es die Bibliothek für eine neue Version aktualisiert, und eine vor jeder Wiederherstellung; „Jetzt sichern“ legt jederzeit eine an. Wiederherstellen ersetzt Ihre Bibliothek durch die gewählte Kopie und behält Ihre Bibliothek, wie sie war, als weitere Kopie, sodass sich auch eine Wiederherstellung hier rückgängig machen lässt.</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Selected backup</source>
        <translation>Gewählte Sicherung</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Jetzt sichern (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>Wiede&amp;rherstellen…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Jetzt sichern</translation>
    </message>
    <message>
        <source>Restore the selected backup</source>
        <translation>Die gewählte Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Select a backup to restore it.</source>
        <translation>Eine Sicherung wählen, um sie wiederherzustellen.</translation>
    </message>
    <message>
        <source>A copy of your library made on {made} ({why}), with {documents} and {annotations}.</source>
        <translation>Eine Kopie Ihrer Bibliothek, angelegt am {made} ({why}), mit {documents} und {annotations}.</translation>
    </message>
    <message>
        <source>an unknown number of documents</source>
        <translation>einer unbekannten Zahl von Dokumenten</translation>
    </message>
    <message numerus="yes">
        <source>%Ln document(s)</source>
        <translation>
            <numerusform>%Ln Dokument</numerusform>
            <numerusform>%Ln Dokumenten</numerusform>
        </translation>
    </message>
    <message>
        <source>an unknown number of annotations</source>
        <translation>einer unbekannten Zahl von Annotationen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln annotation(s)</source>
        <translation>
            <numerusform>%Ln Annotation</numerusform>
            <numerusform>%Ln Annotationen</numerusform>
        </translation>
    </message>
    <message>
        <source>No backup was made: {error}</source>
        <translation>Es wurde keine Sicherung angelegt: {error}</translation>
    </message>
    <message>
        <source>A copy of your library was saved as
{path}</source>
        <translation>Eine Kopie Ihrer Bibliothek wurde gespeichert als
{path}</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Replace your library with the copy made on {made} ({why}), with {documents} and {annotations}?

Your library as it is now is kept as another copy (“before a restore”) first.</source>
        <translation>Ihre Bibliothek durch die Kopie vom {made} ({why}) mit {documents} und {annotations} ersetzen?

Ihre Bibliothek, wie sie jetzt ist, wird zuvor als weitere Kopie („vor einer Wiederherstellung“) behalten.</translation>
    </message>
</context>
</TS>
