<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtDocumentList</name>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>The documents of the library: the arrows open one, F2 renames it</source>
        <translation>Les documents de la bibliothèque : les flèches en ouvrent un, F2 le renomme</translation>
    </message>
    <message>
        <source>Document actions</source>
        <extracomment>Each adds its entries to the context menu of the selected documents (ids in list order).</extracomment>
        <translation>Actions sur le document</translation>
    </message>
</context>
</TS>
