<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QtAgreementDialog</name>
    <message numerus="yes">
        <source>%Ln result(s), {undefined} undefined (the reason is beside each).</source>
        <translation>
            <numerusform>%Ln result, {undefined} undefined (the reason is beside each).</numerusform>
            <numerusform>%Ln results, {undefined} undefined (the reason is beside each).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unit value(s) were two categories at once, left out.</source>
        <translation>
            <numerusform>%Ln unit value was two categories at once, left out.</numerusform>
            <numerusform>%Ln unit values were two categories at once, left out.</numerusform>
        </translation>
    </message>
</context>
</TS>
