<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtTablePanel</name>
    <message>
        <source>The library has changed since; this table may be out of date. Press F5 to count again.</source>
        <extracomment>What a view says once the library changed after its table was counted.</extracomment>
        <translation>Die Bibliothek hat sich seitdem geändert; diese Tabelle ist vielleicht veraltet. F5 zählt erneut.</translation>
    </message>
    <message>
        <source>R&amp;un</source>
        <extracomment>How much of the palette&apos;s highlight a number mixes into the base: HEAT_MOST the largest, down towards HEAT_LEAST as it nears 0 (a 0 is not shaded); at most so much, so the text stays readable.</extracomment>
        <translation>A&amp;usführen</translation>
    </message>
    <message>
        <source>Count the table: {title}</source>
        <translation>Die Tabelle zählen: {title}</translation>
    </message>
    <message>
        <source>{title} table</source>
        <translation>{title}: Tabelle</translation>
    </message>
    <message>
        <source>{title} status</source>
        <translation>{title}: Status</translation>
    </message>
    <message>
        <source>{title} progress</source>
        <translation>{title}: Fortschritt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel counting the table: {title}</source>
        <translation>Das Zählen abbrechen: {title}</translation>
    </message>
    <message>
        <source>Count the table again: {title}</source>
        <translation>Die Tabelle erneut zählen: {title}</translation>
    </message>
    <message>
        <source>Copy the selected segments</source>
        <translation>Die ausgewählten Segmente kopieren</translation>
    </message>
    <message>
        <source>&amp;In</source>
        <translation>&amp;In</translation>
    </message>
    <message>
        <source>The library cannot be read: {error}</source>
        <translation>Die Bibliothek kann nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>Not counted: {error}.</source>
        <translation>Nicht gezählt: {error}.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Zähle …</translation>
    </message>
    <message>
        <source>Still counting: open a cell once the new table is shown.</source>
        <translation>Zählt noch: Öffnen Sie eine Zelle, sobald die neue Tabelle angezeigt wird.</translation>
    </message>
    <message>
        <source>Reading the cell…</source>
        <translation>Lese die Zelle …</translation>
    </message>
    <message>
        <source>Cancelled; the table is that of the last run.</source>
        <translation>Abgebrochen; die Tabelle ist die des letzten Laufs.</translation>
    </message>
</context>
</TS>
