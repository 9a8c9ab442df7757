<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtTagTree</name>
    <message>
        <source>Tags</source>
        <extracomment>What a drag of tags carries: their ids, one per line (UTF-8). tag ids, the new parent&apos;s id (None: top level), the row among the new siblings (-1: last).</extracomment>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Filter tags</source>
        <translation>Filtrer les étiquettes</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Ici</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Touche</translation>
    </message>
    <message>
        <source>The codebook: Enter or Space tags the selected text with the current tag</source>
        <translation>Le livre de codes : Entrée ou Espace étiquette le texte sélectionné avec l’étiquette courante</translation>
    </message>
    <message>
        <source>Select text, then click a tag, press its key, or Enter on it here. Ctrl+K finds any tag.</source>
        <translation>Sélectionnez du texte, puis cliquez sur une étiquette, appuyez sur sa touche ou sur Entrée ici. Ctrl+K trouve n’importe quelle étiquette.</translation>
    </message>
    <message>
        <source>Key: {key}</source>
        <extracomment>tag id -&gt; its name, count here and count in the library items</extracomment>
        <translation>Touche : {key}</translation>
    </message>
    <message>
        <source>{own} here</source>
        <translation>{own} ici</translation>
    </message>
    <message>
        <source>{own} here with this tag, {whole} with its children</source>
        <translation>{own} ici avec cette étiquette, {whole} avec ses sous-étiquettes</translation>
    </message>
    <message>
        <source>{own} in the library</source>
        <translation>{own} dans la bibliothèque</translation>
    </message>
    <message>
        <source>{own} in the library with this tag, {whole} with its children</source>
        <translation>{own} dans la bibliothèque avec cette étiquette, {whole} avec ses sous-étiquettes</translation>
    </message>
    <message>
        <source>{tag}, {here} here, {library} in the library, key {key}</source>
        <translation>{tag}, {here} ici, {library} dans la bibliothèque, touche {key}</translation>
    </message>
    <message>
        <source>{tag}, {here} here, {library} in the library</source>
        <translation>{tag}, {here} ici, {library} dans la bibliothèque</translation>
    </message>
</context>
</TS>
