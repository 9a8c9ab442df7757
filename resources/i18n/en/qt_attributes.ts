<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QtAttributesPanel</name>
    <message numerus="yes">
        <source>Delete the attribute “{name}” and the values %Ln document(s) have of it?</source>
        <translation>
            <numerusform>Delete the attribute “{name}” and the values %Ln document has of it?</numerusform>
            <numerusform>Delete the attribute “{name}” and the values %Ln documents have of it?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted {name} and %Ln value(s)</source>
        <translation>
            <numerusform>Deleted {name} and %Ln value</numerusform>
            <numerusform>Deleted {name} and %Ln values</numerusform>
        </translation>
    </message>
</context>
</TS>
