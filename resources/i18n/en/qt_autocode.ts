<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QtAutocodeDialog</name>
    <message numerus="yes">
        <source>%Ln hit(s)</source>
        <translation>
            <numerusform>%Ln hit</numerusform>
            <numerusform>%Ln hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{summary} ({hits} in %Ln document(s)).</source>
        <translation>
            <numerusform>{summary} ({hits} in %Ln document).</numerusform>
            <numerusform>{summary} ({hits} in %Ln documents).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QtAutocodeFlow</name>
    <message numerus="yes">
        <source>The %Ln chosen hit(s)</source>
        <translation>
            <numerusform>The %Ln chosen hit</numerusform>
            <numerusform>The %Ln chosen hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing to code: %Ln span(s) already coded.</source>
        <translation>
            <numerusform>Nothing to code: %Ln span already coded.</numerusform>
            <numerusform>Nothing to code: %Ln spans already coded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Auto-code %Ln span(s) as {tag}</source>
        <translation>
            <numerusform>Auto-code %Ln span as {tag}</numerusform>
            <numerusform>Auto-code %Ln spans as {tag}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Auto-coded %Ln span(s)</source>
        <translation>
            <numerusform>Auto-coded %Ln span</numerusform>
            <numerusform>Auto-coded %Ln spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %Ln already coded</source>
        <translation>
            <numerusform>; %Ln already coded</numerusform>
            <numerusform>; %Ln already coded</numerusform>
        </translation>
    </message>
</context>
</TS>
