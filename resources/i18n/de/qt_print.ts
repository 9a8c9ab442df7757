<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AnnotatedPrint</name>
    <message>
        <source>Untitled</source>
        <extracomment>Printed on white paper in black ink, whatever the window&apos;s theme.</extracomment>
        <translation>Ohne Titel</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>No annotations.</source>
        <translation>Keine Annotationen.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Cannot start printing.</source>
        <translation>Der Druck kann nicht beginnen.</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Seite {page} von {pages}</translation>
    </message>
</context>
<context>
    <name>QtPrintFlow</name>
    <message>
        <source>Print</source>
        <extracomment>The application :func:`write_pdf` made, kept alive while the process runs.</extracomment>
        <translation>Drucken</translation>
    </message>
    <message>
        <source>Open a document to print it.</source>
        <translation>Öffnen Sie ein Dokument, um es zu drucken.</translation>
    </message>
    <message>
        <source>Print the annotated document</source>
        <translation>Das annotierte Dokument drucken</translation>
    </message>
    <message>
        <source>Nothing was printed: {error}</source>
        <translation>Nichts wurde gedruckt: {error}</translation>
    </message>
</context>
</TS>
