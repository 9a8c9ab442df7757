<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>app</name>
    <message>
        <source>The library could not be opened.

{error}</source>
        <translation>La bibliothèque n’a pas pu être ouverte.

{error}</translation>
    </message>
    <message>
        <source>No backup was made: {error}</source>
        <translation>Aucune sauvegarde n’a été faite : {error}</translation>
    </message>
</context>
</TS>
