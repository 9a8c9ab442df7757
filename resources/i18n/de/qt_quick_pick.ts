<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtQuickPick</name>
    <message>
        <source>Quick pick a tag</source>
        <translation>Tag schnell wählen</translation>
    </message>
    <message>
        <source>Type a tag, Enter to apply</source>
        <translation>Tag tippen, Eingabe wendet ihn an</translation>
    </message>
    <message>
        <source>Tag to apply</source>
        <translation>Anzuwendender Tag</translation>
    </message>
    <message>
        <source>Matching tags</source>
        <translation>Passende Tags</translation>
    </message>
</context>
</TS>
