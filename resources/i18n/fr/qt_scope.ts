<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtCoderChooser</name>
    <message>
        <source>Coder</source>
        <translation>Codeur</translation>
    </message>
    <message>
        <source>All coders</source>
        <translation>Tous les codeurs</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>Blind coding: only your own annotations</source>
        <translation>Codage à l’aveugle : seulement vos propres annotations</translation>
    </message>
</context>
<context>
    <name>QtScopeChooser</name>
    <message>
        <source>Scope: which documents</source>
        <extracomment>Scope kinds (the scope list&apos;s item data is (kind, name)).</extracomment>
        <translation>Portée : quels documents</translation>
    </message>
    <message>
        <source>Attribute value</source>
        <translation>Valeur d’attribut</translation>
    </message>
    <message>
        <source>any value</source>
        <translation>toute valeur</translation>
    </message>
    <message>
        <source>Whole library</source>
        <translation>Toute la bibliothèque</translation>
    </message>
    <message>
        <source>Documents selected in the library</source>
        <translation>Documents sélectionnés dans la bibliothèque</translation>
    </message>
    <message>
        <source>Set: {name}</source>
        <translation>Ensemble : {name}</translation>
    </message>
    <message>
        <source>Attribute: {name}</source>
        <translation>Attribut : {name}</translation>
    </message>
    <message>
        <source>select some documents in the library list first, or choose another scope</source>
        <translation>sélectionnez d’abord des documents dans la liste de la bibliothèque, ou choisissez une autre portée</translation>
    </message>
</context>
</TS>
