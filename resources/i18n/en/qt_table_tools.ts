<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QtTableTools</name>
    <message numerus="yes">
        <source>Copied %Ln row(s) as tab-separated text.</source>
        <translation>
            <numerusform>Copied %Ln row as tab-separated text.</numerusform>
            <numerusform>Copied %Ln rows as tab-separated text.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to {path}</source>
        <translation>
            <numerusform>Exported %Ln row to {path}</numerusform>
            <numerusform>Exported %Ln rows to {path}</numerusform>
        </translation>
    </message>
</context>
</TS>
