<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtMinimap</name>
    <message>
        <source>Where the tags occur</source>
        <translation>Où les étiquettes apparaissent</translation>
    </message>
    <message>
        <source>A tick per annotation in its tag&apos;s colour; click to scroll there. The Outline lists them.</source>
        <translation>Un trait par annotation, de la couleur de son étiquette ; un clic fait défiler jusque-là. Le Plan les liste.</translation>
    </message>
</context>
<context>
    <name>QtOutline</name>
    <message>
        <source>Outline</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Filter by tag, words, note or coder</source>
        <translation>Filtrer par étiquette, mots, note ou codeur</translation>
    </message>
    <message>
        <source>Filter the outline</source>
        <translation>Filtrer le plan</translation>
    </message>
    <message>
        <source>Annotations by tag</source>
        <translation>Annotations par étiquette</translation>
    </message>
    <message>
        <source>Tag or quote</source>
        <translation>Étiquette ou citation</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Codeur</translation>
    </message>
    <message>
        <source>{tag} ({count})</source>
        <translation>{tag} ({count})</translation>
    </message>
</context>
<context>
    <name>QtOutlineDock</name>
    <message>
        <source>Outline</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Ou&amp;tline</source>
        <translation>Plan (&amp;T)</translation>
    </message>
</context>
</TS>
