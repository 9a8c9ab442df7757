<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>core.themes</name>
    <message>
        <source>solid underline</source>
        <extracomment>The underline patterns tags get in codebook order, round and round (names as :data:`PATTERN_NAMES`). How each pattern is named to the user (a highlight&apos;s tooltip).</extracomment>
        <translation>soulignement continu</translation>
    </message>
    <message>
        <source>dashed underline</source>
        <translation>soulignement en tirets</translation>
    </message>
    <message>
        <source>dotted underline</source>
        <translation>soulignement en pointillés</translation>
    </message>
    <message>
        <source>wavy underline</source>
        <translation>soulignement ondulé</translation>
    </message>
    <message>
        <source>dash-dot underline</source>
        <translation>soulignement tiret-point</translation>
    </message>
    <message>
        <source>dash-dot-dot underline</source>
        <translation>soulignement tiret-point-point</translation>
    </message>
</context>
</TS>
