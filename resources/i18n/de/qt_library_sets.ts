<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QtLibrarySets</name>
    <message>
        <source>All documents</source>
        <extracomment>Entries of the set list and the attribute chooser (translated when shown).</extracomment>
        <translation>Alle Dokumente</translation>
    </message>
    <message>
        <source>(no attribute filter)</source>
        <translation>(kein Attributfilter)</translation>
    </message>
    <message>
        <source>Filter by attribute</source>
        <translation>Nach Attribut filtern</translation>
    </message>
    <message>
        <source>Attribute value to filter by</source>
        <translation>Attributwert, nach dem gefiltert wird</translation>
    </message>
    <message>
        <source>any value</source>
        <translation>beliebiger Wert</translation>
    </message>
    <message>
        <source>&amp;Sets</source>
        <translation>&amp;Sets</translation>
    </message>
    <message>
        <source>A&amp;ttribute</source>
        <translation>A&amp;ttribut</translation>
    </message>
    <message>
        <source>&amp;New set…</source>
        <translation>&amp;Neues Set…</translation>
    </message>
    <message>
        <source>&amp;Rename set…</source>
        <translation>Set umbenennen (&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete set…</source>
        <translation>Set löschen (&amp;D)…</translation>
    </message>
    <message>
        <source>The sets cannot be read: {error}</source>
        <translation>Die Sets können nicht gelesen werden: {error}</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %Ln document(s); drop documents here to add them</source>
        <translation>
            <numerusform>{name}: %Ln Dokument; Dokumente hierher ziehen, um sie hinzuzufügen</numerusform>
            <numerusform>{name}: %Ln Dokumente; Dokumente hierher ziehen, um sie hinzuzufügen</numerusform>
        </translation>
    </message>
    <message>
        <source>The attributes cannot be read: {error}</source>
        <translation>Die Attribute können nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>New set</source>
        <translation>Neues Set</translation>
    </message>
    <message>
        <source>Name of the new set:</source>
        <translation>Name des neuen Sets:</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Nicht gespeichert: {error}</translation>
    </message>
    <message>
        <source>Rename set</source>
        <translation>Set umbenennen</translation>
    </message>
    <message>
        <source>New name of the set “{name}”:</source>
        <translation>Neuer Name des Sets „{name}“:</translation>
    </message>
    <message>
        <source>Delete set</source>
        <translation>Set löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete the set “{name}”? Its %Ln document(s) stay in the library.</source>
        <translation>
            <numerusform>Das Set „{name}“ löschen? Sein %Ln Dokument bleibt in der Bibliothek.</numerusform>
            <numerusform>Das Set „{name}“ löschen? Seine %Ln Dokumente bleiben in der Bibliothek.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add to &amp;set</source>
        <translation>Zu &amp;Set hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove from set</source>
        <translation>Aus Set entfe&amp;rnen</translation>
    </message>
</context>
<context>
    <name>QtSetList</name>
    <message>
        <source>Sets</source>
        <translation>Sets</translation>
    </message>
    <message>
        <source>Sets of documents: choosing one shows only its documents in the library</source>
        <translation>Sets von Dokumenten: Wer eines wählt, sieht in der Bibliothek nur dessen Dokumente</translation>
    </message>
</context>
<context>
    <name>SetCommand</name>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>New set {name}</source>
        <translation>Neues Set {name}</translation>
    </message>
    <message>
        <source>Made set {name}</source>
        <translation>Set {name} angelegt</translation>
    </message>
    <message>
        <source>Deleted set {name}</source>
        <translation>Set {name} gelöscht</translation>
    </message>
    <message>
        <source>Delete set {name}</source>
        <translation>Set {name} löschen</translation>
    </message>
    <message>
        <source>Set {name} is back</source>
        <translation>Set {name} ist wieder da</translation>
    </message>
    <message>
        <source>Rename set {name}</source>
        <translation>Set {name} umbenennen</translation>
    </message>
    <message>
        <source>Set renamed</source>
        <translation>Set umbenannt</translation>
    </message>
    <message>
        <source>Add to set {name}</source>
        <translation>Zum Set {name} hinzufügen</translation>
    </message>
    <message>
        <source>Remove from set {name}</source>
        <translation>Aus dem Set {name} entfernen</translation>
    </message>
    <message>
        <source>Added {count} to {name}</source>
        <translation>{count} zu {name} hinzugefügt</translation>
    </message>
    <message>
        <source>Took {count} out of {name}</source>
        <translation>{count} aus {name} entfernt</translation>
    </message>
</context>
</TS>
