<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtChooseCodersDialog</name>
    <message>
        <source>Choose coders</source>
        <translation>Codierer wählen</translation>
    </message>
    <message>
        <source>Show the annotations of these &amp;coders:</source>
        <translation>Die Annotationen dieser &amp;Codierer zeigen:</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>Codierer</translation>
    </message>
</context>
<context>
    <name>QtCoderView</name>
    <message>
        <source>no underline</source>
        <translation>keine Unterstreichung</translation>
    </message>
    <message>
        <source>{coder} — {drawn} — {here} here</source>
        <translation>{coder} — {drawn} — {here} hier</translation>
    </message>
    <message>
        <source>{coder} — {drawn} — {here} here, {library} in the library</source>
        <translation>{coder} — {drawn} — {here} hier, {library} in der Bibliothek</translation>
    </message>
    <message>
        <source>C&amp;oders</source>
        <extracomment>Opens the chooser (a test stands in for the user here).</extracomment>
        <translation>C&amp;odierer</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>Codierer</translation>
    </message>
    <message>
        <source>&amp;Everyone&apos;s annotations</source>
        <translation>Annotationen von all&amp;en</translation>
    </message>
    <message>
        <source>Only &amp;mine</source>
        <translation>Nur &amp;meine</translation>
    </message>
    <message>
        <source>&amp;Chosen coders…</source>
        <translation>Gewählte &amp;Codierer …</translation>
    </message>
    <message>
        <source>&amp;Blind coding (this library)</source>
        <translation>&amp;Blindcodierung (diese Bibliothek)</translation>
    </message>
    <message>
        <source>While on, every window on this library shows only its user&apos;s own annotations</source>
        <translation>Solange sie an ist, zeigt jedes Fenster dieser Bibliothek nur die eigenen Annotationen seines Benutzers</translation>
    </message>
    <message>
        <source>Whose annotations are shown</source>
        <translation>Wessen Annotationen gezeigt werden</translation>
    </message>
    <message>
        <source>Whose annotations are shown (View › Coders)</source>
        <translation>Wessen Annotationen gezeigt werden (Ansicht › Codierer)</translation>
    </message>
</context>
</TS>
