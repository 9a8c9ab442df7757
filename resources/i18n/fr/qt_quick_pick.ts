<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtQuickPick</name>
    <message>
        <source>Quick pick a tag</source>
        <translation>Choisir vite une étiquette</translation>
    </message>
    <message>
        <source>Type a tag, Enter to apply</source>
        <translation>Tapez une étiquette, Entrée pour l’appliquer</translation>
    </message>
    <message>
        <source>Tag to apply</source>
        <translation>Étiquette à appliquer</translation>
    </message>
    <message>
        <source>Matching tags</source>
        <translation>Étiquettes correspondantes</translation>
    </message>
</context>
</TS>
