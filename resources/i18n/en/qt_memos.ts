<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QtMemosDialog</name>
    <message numerus="yes">
        <source>Exported %Ln memo(s) to {path}</source>
        <translation>
            <numerusform>Exported %Ln memo to {path}</numerusform>
            <numerusform>Exported %Ln memos to {path}</numerusform>
        </translation>
    </message>
</context>
</TS>
