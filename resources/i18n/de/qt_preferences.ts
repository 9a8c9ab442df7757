<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtCoderDialog</name>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Your name is saved with each annotation you make (as its coder), so a team&apos;s exports say who tagged what. You can change it later in Edit ▸ Settings (Ctrl+,).</source>
        <translation>Ihr Name wird mit jeder Annotation gespeichert, die Sie anlegen (als ihr Codierer), damit die Exporte eines Teams sagen, wer was getaggt hat. Sie können ihn später unter Bearbeiten ▸ Einstellungen (Strg+,) ändern.</translation>
    </message>
    <message>
        <source>Your name as a coder</source>
        <translation>Ihr Name als Codierer</translation>
    </message>
    <message>
        <source>e.g. Ann Smith (leave empty for none)</source>
        <translation>z. B. Erika Muster (leer lassen für keinen)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
</context>
<context>
    <name>QtCoderIdentity</name>
    <message>
        <source>Your name was not changed: {error}</source>
        <extracomment>Called when the name changed (what &quot;only mine&quot; shows changes with it).</extracomment>
        <translation>Ihr Name wurde nicht geändert: {error}</translation>
    </message>
    <message>
        <source>Your name could not be saved in the settings ({error}); it is used until you quit.</source>
        <translation>Ihr Name konnte nicht in den Einstellungen gespeichert werden ({error}); er gilt bis zum Beenden.</translation>
    </message>
</context>
</TS>
