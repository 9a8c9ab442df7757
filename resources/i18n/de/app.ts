<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>app</name>
    <message>
        <source>The library could not be opened.

{error}</source>
        <translation>Die Bibliothek konnte nicht geöffnet werden.

{error}</translation>
    </message>
    <message>
        <source>No backup was made: {error}</source>
        <translation>Es wurde keine Sicherung angelegt: {error}</translation>
    </message>
</context>
</TS>
