<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtMainWindow</name>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Die Bibliothek durchsuchen</translation>
    </message>
    <message>
        <source>Library: {library}</source>
        <translation>Bibliothek: {library}</translation>
    </message>
    <message>
        <source>Tags at the cursor</source>
        <translation>Tags an der Schreibmarke</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>Datei (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren …</translation>
    </message>
    <message>
        <source>New document from &amp;clipboard</source>
        <translation>Neues Dokument aus der Zwis&amp;chenablage</translation>
    </message>
    <message>
        <source>Import PDF &amp;highlights…</source>
        <translation>PDF-&amp;Markierungen importieren …</translation>
    </message>
    <message>
        <source>Import Hypothesis or &amp;Zotero highlights…</source>
        <translation>Hypothesis- oder &amp;Zotero-Markierungen importieren …</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Als &amp;PDF exportieren …</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>D&amp;rucken …</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>&amp;Backups …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Beenden (&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>B&amp;earbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>Rückgängig (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Wiede&amp;rherstellen</translation>
    </message>
    <message>
        <source>&amp;Delete annotation</source>
        <translation>Annotation löschen (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>Suchen (&amp;F) …</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>&amp;Nächsten suchen</translation>
    </message>
    <message>
        <source>Find &amp;previous</source>
        <translation>Vorherigen suchen (&amp;P)</translation>
    </message>
    <message>
        <source>Search the &amp;library…</source>
        <translation>Die Bib&amp;liothek durchsuchen …</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;Dokument</translation>
    </message>
    <message>
        <source>&amp;Replace text with a new version…</source>
        <translation>Text durch eine neue Fassung e&amp;rsetzen …</translation>
    </message>
    <message>
        <source>&amp;Accept placement</source>
        <translation>Platzierung &amp;akzeptieren</translation>
    </message>
    <message>
        <source>Agree with where a revision placed the selected (⚠) annotations</source>
        <translation>Der Stelle zustimmen, an die eine Überarbeitung die ausgewählten (⚠) Annotationen gesetzt hat</translation>
    </message>
    <message>
        <source>A&amp;ttributes</source>
        <translation>A&amp;ttribute</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Ansicht (&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Search the library</source>
        <translation>Die Bibliothek durch&amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Tags</translation>
    </message>
    <message>
        <source>Tag as {tag}</source>
        <translation>Mit {tag} taggen</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Nicht gespeichert: {error}</translation>
    </message>
    <message>
        <source>Turn blind coding off (View › Coders) to compare coders</source>
        <translation>Schalten Sie die Blindcodierung aus (Ansicht › Codierer), um Codierer zu vergleichen</translation>
    </message>
    <message>
        <source>{title} — Annotator</source>
        <translation>{title} — Annotator</translation>
    </message>
    <message>
        <source>Select some text first, then choose a tag.</source>
        <translation>Wählen Sie zuerst Text aus, dann einen Tag.</translation>
    </message>
    <message>
        <source>Already tagged {tag}.</source>
        <translation>Bereits mit {tag} getaggt.</translation>
    </message>
    <message>
        <source>Already tagged so.</source>
        <translation>Bereits so getaggt.</translation>
    </message>
    <message>
        <source>Select an annotation in the list to delete it.</source>
        <translation>Wählen Sie eine Annotation in der Liste aus, um sie zu löschen.</translation>
    </message>
    <message>
        <source>Annotation actions</source>
        <translation>Aktionen für Annotationen</translation>
    </message>
    <message>
        <source>Change &amp;tag to</source>
        <translation>&amp;Tag ändern in</translation>
    </message>
    <message>
        <source>That document is no longer in the library.</source>
        <translation>Dieses Dokument ist nicht mehr in der Bibliothek.</translation>
    </message>
    <message>
        <source>That document&apos;s text has changed since; search again to see where.</source>
        <translation>Der Text dieses Dokuments hat sich seitdem geändert; suchen Sie erneut, um die Stelle zu finden.</translation>
    </message>
    <message>
        <source>Views docked together</source>
        <translation>Zusammen angedockte Ansichten</translation>
    </message>
</context>
</TS>
