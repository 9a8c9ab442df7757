<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtCodingStripes</name>
    <message>
        <source>Coding stripes</source>
        <translation>Codierstreifen</translation>
    </message>
    <message>
        <source>A bar per annotation in its tag&apos;s colour; click one to select it. The Outline lists them.</source>
        <translation>Ein Balken je Annotation in der Farbe ihres Tags; ein Klick wählt sie aus. Die Gliederung listet sie auf.</translation>
    </message>
    <message>
        <source>Codi&amp;ng stripes</source>
        <translation>Codierstreife&amp;n</translation>
    </message>
    <message>
        <source>A bar per annotation beside the text, in its tag&apos;s colour</source>
        <translation>Ein Balken je Annotation neben dem Text, in der Farbe ihres Tags</translation>
    </message>
    <message>
        <source>by {coder}</source>
        <translation>von {coder}</translation>
    </message>
</context>
</TS>
