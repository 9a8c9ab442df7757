<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtAnnotationFilter</name>
    <message>
        <source>Filter annotations</source>
        <extracomment>Builds the context menu of the selected rows (None: no menu).</extracomment>
        <translation>Annotationen filtern</translation>
    </message>
    <message>
        <source>Filter by tag, quote or note</source>
        <translation>Nach Tag, Zitat oder Notiz filtern</translation>
    </message>
</context>
<context>
    <name>QtAnnotationList</name>
    <message>
        <source>Annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <source>The annotations of the document: arrows move between them, Tab leaves the list</source>
        <translation>Die Annotationen des Dokuments: Pfeiltasten wechseln zwischen ihnen, Tab verlässt die Liste</translation>
    </message>
</context>
<context>
    <name>_NoteDelegate</name>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
</context>
</TS>
