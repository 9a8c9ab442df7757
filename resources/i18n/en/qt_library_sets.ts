<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QtLibrarySets</name>
    <message numerus="yes">
        <source>{name}: %Ln document(s); drop documents here to add them</source>
        <translation>
            <numerusform>{name}: %Ln document; drop documents here to add them</numerusform>
            <numerusform>{name}: %Ln documents; drop documents here to add them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the set “{name}”? Its %Ln document(s) stay in the library.</source>
        <translation>
            <numerusform>Delete the set “{name}”? Its %Ln document stays in the library.</numerusform>
            <numerusform>Delete the set “{name}”? Its %Ln documents stay in the library.</numerusform>
        </translation>
    </message>
</context>
</TS>
