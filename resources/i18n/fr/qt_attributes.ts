<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Attributes</name>
    <message>
        <source>text</source>
        <extracomment>The kinds as the user reads them (the stored kind stays English).</extracomment>
        <translation>texte</translation>
    </message>
    <message>
        <source>number</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>choice</source>
        <translation>choix</translation>
    </message>
</context>
<context>
    <name>QtAttributeDelegate</name>
    <message>
        <source>{name} (one of the list)</source>
        <translation>{name} (un élément de la liste)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>a number, e.g. 3.5</source>
        <translation>un nombre, p. ex. 3.5</translation>
    </message>
</context>
<context>
    <name>QtAttributeDialog</name>
    <message>
        <source>New attribute</source>
        <translation>Nouvel attribut</translation>
    </message>
    <message>
        <source>Attribute name</source>
        <translation>Nom de l’attribut</translation>
    </message>
    <message>
        <source>Attribute kind</source>
        <translation>Type de l’attribut</translation>
    </message>
    <message>
        <source>Choices, separated by commas</source>
        <translation>Choix, séparés par des virgules</translation>
    </message>
    <message>
        <source>for a choice: north, south, east</source>
        <translation>pour un choix : nord, sud, est</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>Type (&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Choices</source>
        <translation>&amp;Choix</translation>
    </message>
</context>
<context>
    <name>QtAttributeTableModel</name>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Non enregistré : {error}</translation>
    </message>
</context>
<context>
    <name>QtAttributesPanel</name>
    <message>
        <source>Attributes</source>
        <translation>Attributs</translation>
    </message>
    <message>
        <source>&amp;New attribute…</source>
        <translation>&amp;Nouvel attribut…</translation>
    </message>
    <message>
        <source>New attribute</source>
        <translation>Nouvel attribut</translation>
    </message>
    <message>
        <source>Rena&amp;me…</source>
        <translation>Renom&amp;mer…</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>C&amp;hoices…</source>
        <translation>C&amp;hoix…</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Choix</translation>
    </message>
    <message>
        <source>De&amp;lete attribute…</source>
        <translation>Supprimer &amp;l’attribut…</translation>
    </message>
    <message>
        <source>Delete attribute</source>
        <translation>Supprimer l’attribut</translation>
    </message>
    <message>
        <source>The attributes cannot be read: {error}</source>
        <translation>Impossible de lire les attributs : {error}</translation>
    </message>
    <message>
        <source>Attribute defined</source>
        <translation>Attribut défini</translation>
    </message>
    <message>
        <source>Choose a cell of the attribute to rename first.</source>
        <translation>Choisissez d’abord une cellule de l’attribut à renommer.</translation>
    </message>
    <message>
        <source>Rename attribute</source>
        <translation>Renommer l’attribut</translation>
    </message>
    <message>
        <source>New name of “{name}”:</source>
        <translation>Nouveau nom de « {name} » :</translation>
    </message>
    <message>
        <source>Attribute renamed</source>
        <translation>Attribut renommé</translation>
    </message>
    <message>
        <source>Choose a cell of a choice attribute first.</source>
        <translation>Choisissez d’abord une cellule d’un attribut à choix.</translation>
    </message>
    <message>
        <source>Choices of “{name}”, separated by commas:</source>
        <translation>Choix de « {name} », séparés par des virgules :</translation>
    </message>
    <message>
        <source>Choices saved</source>
        <translation>Choix enregistrés</translation>
    </message>
    <message>
        <source>Choose a cell of the attribute to delete first.</source>
        <translation>Choisissez d’abord une cellule de l’attribut à supprimer.</translation>
    </message>
    <message numerus="yes">
        <source>Delete the attribute “{name}” and the values %Ln document(s) have of it?</source>
        <translation>
            <numerusform>Supprimer l’attribut « {name} » et la valeur qu’en a %Ln document ?</numerusform>
            <numerusform>Supprimer l’attribut « {name} » et les valeurs qu’en ont %Ln documents ?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted {name} and %Ln value(s)</source>
        <translation>
            <numerusform>{name} et %Ln valeur supprimés</numerusform>
            <numerusform>{name} et %Ln valeurs supprimés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetAttributeCommand</name>
    <message>
        <source>Set {name}</source>
        <translation>Définir {name}</translation>
    </message>
</context>
</TS>
