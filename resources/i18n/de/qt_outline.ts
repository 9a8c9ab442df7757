<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtMinimap</name>
    <message>
        <source>Where the tags occur</source>
        <translation>Wo die Tags vorkommen</translation>
    </message>
    <message>
        <source>A tick per annotation in its tag&apos;s colour; click to scroll there. The Outline lists them.</source>
        <translation>Ein Strich je Annotation in der Farbe ihres Tags; ein Klick blättert dorthin. Die Gliederung listet sie auf.</translation>
    </message>
</context>
<context>
    <name>QtOutline</name>
    <message>
        <source>Outline</source>
        <translation>Gliederung</translation>
    </message>
    <message>
        <source>Filter by tag, words, note or coder</source>
        <translation>Nach Tag, Wörtern, Notiz oder Codierer filtern</translation>
    </message>
    <message>
        <source>Filter the outline</source>
        <translation>Gliederung filtern</translation>
    </message>
    <message>
        <source>Annotations by tag</source>
        <translation>Annotationen nach Tag</translation>
    </message>
    <message>
        <source>Tag or quote</source>
        <translation>Tag oder Zitat</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Codierer</translation>
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
        <translation>Gliederung</translation>
    </message>
    <message>
        <source>Ou&amp;tline</source>
        <translation>Gliederung (&amp;T)</translation>
    </message>
</context>
</TS>
