<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>CreateTagCommand</name>
    <message>
        <source>New tag {name}</source>
        <translation>Nouvelle étiquette {name}</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>TagEditCommand</name>
    <message>
        <source>Undone</source>
        <translation>Annulé</translation>
    </message>
</context>
</TS>
