<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AdjudicateCommand</name>
    <message>
        <source>neither</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Accept {choice} for “{quote}”</source>
        <translation>{choice} für „{quote}“ übernehmen</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Rückgängig gemacht</translation>
    </message>
</context>
</TS>
