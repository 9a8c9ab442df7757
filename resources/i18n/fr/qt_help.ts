<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtGuideDialog</name>
    <message>
        <source>Annotator user guide</source>
        <translation>Guide de l’utilisateur d’Annotator</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Guide de l’utilisateur</translation>
    </message>
    <message>
        <source>User guide text</source>
        <translation>Texte du guide de l’utilisateur</translation>
    </message>
</context>
<context>
    <name>QtHelpFlow</name>
    <message>
        <source>A desktop close-reading app: select spans, tag them, export annotated JSON.</source>
        <translation>Une application de bureau de lecture attentive : sélectionnez des passages, étiquetez-les, exportez du JSON annoté.</translation>
    </message>
    <message>
        <source>Library: {library}</source>
        <translation>Bibliothèque : {library}</translation>
    </message>
    <message>
        <source>Licence: {licence}</source>
        <translation>Licence : {licence}</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aide (&amp;H)</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>&amp;Guide de l’utilisateur</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Raccourcis clavier (&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Annotator</source>
        <translation>À propos d’&amp;Annotator</translation>
    </message>
    <message>
        <source>About Annotator</source>
        <translation>À propos d’Annotator</translation>
    </message>
</context>
<context>
    <name>QtShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Raccourcis</translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation>Filtrer les raccourcis</translation>
    </message>
    <message>
        <source>Filter by action or key</source>
        <translation>Filtrer par action ou touche</translation>
    </message>
</context>
</TS>
