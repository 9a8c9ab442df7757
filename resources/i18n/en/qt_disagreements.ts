<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QtDisagreementsPanel</name>
    <message numerus="yes">
        <source>%Ln stretch(es) where {coders} differ, largest first. Enter shows one in the text; Alt+1, Alt+2… accept a coder&apos;s version, Alt+B all, Alt+N neither.</source>
        <translation>
            <numerusform>%Ln stretch where {coders} differ, largest first. Enter shows one in the text; Alt+1, Alt+2… accept a coder&apos;s version, Alt+B all, Alt+N neither.</numerusform>
            <numerusform>%Ln stretches where {coders} differ, largest first. Enter shows one in the text; Alt+1, Alt+2… accept a coder&apos;s version, Alt+B all, Alt+N neither.</numerusform>
        </translation>
    </message>
</context>
</TS>
