<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtDocumentList</name>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>The documents of the library: the arrows open one, F2 renames it</source>
        <translation>Die Dokumente der Bibliothek: Die Pfeiltasten öffnen eines, F2 benennt es um</translation>
    </message>
    <message>
        <source>Document actions</source>
        <extracomment>Each adds its entries to the context menu of the selected documents (ids in list order).</extracomment>
        <translation>Dokumentaktionen</translation>
    </message>
</context>
</TS>
