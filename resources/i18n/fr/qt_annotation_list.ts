<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtAnnotationFilter</name>
    <message>
        <source>Filter annotations</source>
        <extracomment>Builds the context menu of the selected rows (None: no menu).</extracomment>
        <translation>Filtrer les annotations</translation>
    </message>
    <message>
        <source>Filter by tag, quote or note</source>
        <translation>Filtrer par étiquette, citation ou note</translation>
    </message>
</context>
<context>
    <name>QtAnnotationList</name>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>The annotations of the document: arrows move between them, Tab leaves the list</source>
        <translation>Les annotations du document : les flèches passent de l’une à l’autre, Tab quitte la liste</translation>
    </message>
</context>
<context>
    <name>_NoteDelegate</name>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
</TS>
