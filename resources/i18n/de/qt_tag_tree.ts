<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtTagTree</name>
    <message>
        <source>Tags</source>
        <extracomment>What a drag of tags carries: their ids, one per line (UTF-8). tag ids, the new parent&apos;s id (None: top level), the row among the new siblings (-1: last).</extracomment>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Filter tags</source>
        <translation>Tags filtern</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Taste</translation>
    </message>
    <message>
        <source>The codebook: Enter or Space tags the selected text with the current tag</source>
        <translation>Das Codebuch: Eingabe oder Leertaste taggt den ausgewählten Text mit dem aktuellen Tag</translation>
    </message>
    <message>
        <source>Select text, then click a tag, press its key, or Enter on it here. Ctrl+K finds any tag.</source>
        <translation>Text auswählen, dann auf einen Tag klicken, seine Taste drücken oder hier Eingabe auf ihm drücken. Strg+K findet jeden Tag.</translation>
    </message>
    <message>
        <source>Key: {key}</source>
        <extracomment>tag id -&gt; its name, count here and count in the library items</extracomment>
        <translation>Taste: {key}</translation>
    </message>
    <message>
        <source>{own} here</source>
        <translation>{own} hier</translation>
    </message>
    <message>
        <source>{own} here with this tag, {whole} with its children</source>
        <translation>{own} hier mit diesem Tag, {whole} mit seinen Unter-Tags</translation>
    </message>
    <message>
        <source>{own} in the library</source>
        <translation>{own} in der Bibliothek</translation>
    </message>
    <message>
        <source>{own} in the library with this tag, {whole} with its children</source>
        <translation>{own} in der Bibliothek mit diesem Tag, {whole} mit seinen Unter-Tags</translation>
    </message>
    <message>
        <source>{tag}, {here} here, {library} in the library, key {key}</source>
        <translation>{tag}, {here} hier, {library} in der Bibliothek, Taste {key}</translation>
    </message>
    <message>
        <source>{tag}, {here} here, {library} in the library</source>
        <translation>{tag}, {here} hier, {library} in der Bibliothek</translation>
    </message>
</context>
</TS>
