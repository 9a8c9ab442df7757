<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>core.themes</name>
    <message>
        <source>solid underline</source>
        <extracomment>The underline patterns tags get in codebook order, round and round (names as :data:`PATTERN_NAMES`). How each pattern is named to the user (a highlight&apos;s tooltip).</extracomment>
        <translation>durchgezogene Unterstreichung</translation>
    </message>
    <message>
        <source>dashed underline</source>
        <translation>gestrichelte Unterstreichung</translation>
    </message>
    <message>
        <source>dotted underline</source>
        <translation>gepunktete Unterstreichung</translation>
    </message>
    <message>
        <source>wavy underline</source>
        <translation>gewellte Unterstreichung</translation>
    </message>
    <message>
        <source>dash-dot underline</source>
        <translation>Strich-Punkt-Unterstreichung</translation>
    </message>
    <message>
        <source>dash-dot-dot underline</source>
        <translation>Strich-Punkt-Punkt-Unterstreichung</translation>
    </message>
</context>
</TS>
