<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Attributes</name>
    <message>
        <source>text</source>
        <extracomment>The kinds as the user reads them (the stored kind stays English).</extracomment>
        <translation>Text</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>choice</source>
        <translation>Auswahl</translation>
    </message>
</context>
<context>
    <name>QtAttributeDelegate</name>
    <message>
        <source>{name} (one of the list)</source>
        <translation>{name} (einer aus der Liste)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>a number, e.g. 3.5</source>
        <translation>eine Zahl, z. B. 3.5</translation>
    </message>
</context>
<context>
    <name>QtAttributeDialog</name>
    <message>
        <source>New attribute</source>
        <translation>Neues Attribut</translation>
    </message>
    <message>
        <source>Attribute name</source>
        <translation>Name des Attributs</translation>
    </message>
    <message>
        <source>Attribute kind</source>
        <translation>Art des Attributs</translation>
    </message>
    <message>
        <source>Choices, separated by commas</source>
        <translation>Auswahlwerte, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>for a choice: north, south, east</source>
        <translation>für eine Auswahl: Nord, Süd, Ost</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>Art (&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Choices</source>
        <translation>Auswahlwerte (&amp;C)</translation>
    </message>
</context>
<context>
    <name>QtAttributeTableModel</name>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Nicht gespeichert: {error}</translation>
    </message>
</context>
<context>
    <name>QtAttributesPanel</name>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>&amp;New attribute…</source>
        <translation>&amp;Neues Attribut…</translation>
    </message>
    <message>
        <source>New attribute</source>
        <translation>Neues Attribut</translation>
    </message>
    <message>
        <source>Rena&amp;me…</source>
        <translation>U&amp;mbenennen…</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>C&amp;hoices…</source>
        <translation>Auswa&amp;hlwerte…</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Auswahlwerte</translation>
    </message>
    <message>
        <source>De&amp;lete attribute…</source>
        <translation>Attribut &amp;löschen…</translation>
    </message>
    <message>
        <source>Delete attribute</source>
        <translation>Attribut löschen</translation>
    </message>
    <message>
        <source>The attributes cannot be read: {error}</source>
        <translation>Die Attribute können nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>Attribute defined</source>
        <translation>Attribut angelegt</translation>
    </message>
    <message>
        <source>Choose a cell of the attribute to rename first.</source>
        <translation>Zuerst eine Zelle des umzubenennenden Attributs wählen.</translation>
    </message>
    <message>
        <source>Rename attribute</source>
        <translation>Attribut umbenennen</translation>
    </message>
    <message>
        <source>New name of “{name}”:</source>
        <translation>Neuer Name von „{name}“:</translation>
    </message>
    <message>
        <source>Attribute renamed</source>
        <translation>Attribut umbenannt</translation>
    </message>
    <message>
        <source>Choose a cell of a choice attribute first.</source>
        <translation>Zuerst eine Zelle eines Auswahlattributs wählen.</translation>
    </message>
    <message>
        <source>Choices of “{name}”, separated by commas:</source>
        <translation>Auswahlwerte von „{name}“, durch Kommas getrennt:</translation>
    </message>
    <message>
        <source>Choices saved</source>
        <translation>Auswahlwerte gespeichert</translation>
    </message>
    <message>
        <source>Choose a cell of the attribute to delete first.</source>
        <translation>Zuerst eine Zelle des zu löschenden Attributs wählen.</translation>
    </message>
    <message numerus="yes">
        <source>Delete the attribute “{name}” and the values %Ln document(s) have of it?</source>
        <translation>
            <numerusform>Das Attribut „{name}“ und den Wert löschen, den %Ln Dokument dafür hat?</numerusform>
            <numerusform>Das Attribut „{name}“ und die Werte löschen, die %Ln Dokumente dafür haben?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted {name} and %Ln value(s)</source>
        <translation>
            <numerusform>{name} und %Ln Wert gelöscht</numerusform>
            <numerusform>{name} und %Ln Werte gelöscht</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetAttributeCommand</name>
    <message>
        <source>Set {name}</source>
        <translation>{name} gesetzt</translation>
    </message>
</context>
</TS>
