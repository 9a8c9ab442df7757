<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtWindowLayout</name>
    <message>
        <source>&amp;Library</source>
        <extracomment>The fewest average characters a line of the text keeps while side panels can give way. The narrowest a side panel shrinks to before it is folded away instead.</extracomment>
        <translation>Bib&amp;liothek</translation>
    </message>
    <message>
        <source>&amp;Tags and annotations</source>
        <translation>&amp;Tags und Annotationen</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>Seitenleisten (&amp;P)</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>Seitenleisten</translation>
    </message>
    <message>
        <source>Distraction-&amp;free reading</source>
        <translation>Ablenkungs&amp;freies Lesen</translation>
    </message>
    <message>
        <source>Only the text, full screen; F11 again brings everything back</source>
        <translation>Nur der Text, im Vollbild; F11 bringt alles zurück</translation>
    </message>
    <message>
        <source>The window is too narrow for that panel: widen it first.</source>
        <translation>Das Fenster ist für diese Seitenleiste zu schmal: Verbreitern Sie es zuerst.</translation>
    </message>
</context>
</TS>
