<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtLibrarySets</name>
    <message>
        <source>All documents</source>
        <extracomment>Entries of the set list and the attribute chooser (translated when shown).</extracomment>
        <translation>Tous les documents</translation>
    </message>
    <message>
        <source>(no attribute filter)</source>
        <translation>(aucun filtre d’attribut)</translation>
    </message>
    <message>
        <source>Filter by attribute</source>
        <translation>Filtrer par attribut</translation>
    </message>
    <message>
        <source>Attribute value to filter by</source>
        <translation>Valeur d’attribut servant de filtre</translation>
    </message>
    <message>
        <source>any value</source>
        <translation>toute valeur</translation>
    </message>
    <message>
        <source>&amp;Sets</source>
        <translation>En&amp;sembles</translation>
    </message>
    <message>
        <source>A&amp;ttribute</source>
        <translation>A&amp;ttribut</translation>
    </message>
    <message>
        <source>&amp;New set…</source>
        <translation>&amp;Nouvel ensemble…</translation>
    </message>
    <message>
        <source>&amp;Rename set…</source>
        <translation>&amp;Renommer l’ensemble…</translation>
    </message>
    <message>
        <source>&amp;Delete set…</source>
        <translation>Supprimer l’ensemble (&amp;D)…</translation>
    </message>
    <message>
        <source>The sets cannot be read: {error}</source>
        <translation>Impossible de lire les ensembles : {error}</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %Ln document(s); drop documents here to add them</source>
        <translation>
            <numerusform>{name} : %Ln document ; déposez des documents ici pour les ajouter</numerusform>
            <numerusform>{name} : %Ln documents ; déposez des documents ici pour les ajouter</numerusform>
        </translation>
    </message>
    <message>
        <source>The attributes cannot be read: {error}</source>
        <translation>Impossible de lire les attributs : {error}</translation>
    </message>
    <message>
        <source>New set</source>
        <translation>Nouvel ensemble</translation>
    </message>
    <message>
        <source>Name of the new set:</source>
        <translation>Nom du nouvel ensemble :</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Non enregistré : {error}</translation>
    </message>
    <message>
        <source>Rename set</source>
        <translation>Renommer l’ensemble</translation>
    </message>
    <message>
        <source>New name of the set “{name}”:</source>
        <translation>Nouveau nom de l’ensemble « {name} » :</translation>
    </message>
    <message>
        <source>Delete set</source>
        <translation>Supprimer l’ensemble</translation>
    </message>
    <message numerus="yes">
        <source>Delete the set “{name}”? Its %Ln document(s) stay in the library.</source>
        <translation>
            <numerusform>Supprimer l’ensemble « {name} » ? Son %Ln document reste dans la bibliothèque.</numerusform>
            <numerusform>Supprimer l’ensemble « {name} » ? Ses %Ln documents restent dans la bibliothèque.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add to &amp;set</source>
        <translation>Ajouter à l’en&amp;semble</translation>
    </message>
    <message>
        <source>&amp;Remove from set</source>
        <translation>&amp;Retirer de l’ensemble</translation>
    </message>
</context>
<context>
    <name>QtSetList</name>
    <message>
        <source>Sets</source>
        <translation>Ensembles</translation>
    </message>
    <message>
        <source>Sets of documents: choosing one shows only its documents in the library</source>
        <translation>Ensembles de documents : en choisir un n’affiche que ses documents dans la bibliothèque</translation>
    </message>
</context>
<context>
    <name>SetCommand</name>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>New set {name}</source>
        <translation>Nouvel ensemble {name}</translation>
    </message>
    <message>
        <source>Made set {name}</source>
        <translation>Ensemble {name} créé</translation>
    </message>
    <message>
        <source>Deleted set {name}</source>
        <translation>Ensemble {name} supprimé</translation>
    </message>
    <message>
        <source>Delete set {name}</source>
        <translation>Supprimer l’ensemble {name}</translation>
    </message>
    <message>
        <source>Set {name} is back</source>
        <translation>L’ensemble {name} est rétabli</translation>
    </message>
    <message>
        <source>Rename set {name}</source>
        <translation>Renommer l’ensemble {name}</translation>
    </message>
    <message>
        <source>Set renamed</source>
        <translation>Ensemble renommé</translation>
    </message>
    <message>
        <source>Add to set {name}</source>
        <translation>Ajouter à l’ensemble {name}</translation>
    </message>
    <message>
        <source>Remove from set {name}</source>
        <translation>Retirer de l’ensemble {name}</translation>
    </message>
    <message>
        <source>Added {count} to {name}</source>
        <translation>{count} ajouté(s) à {name}</translation>
    </message>
    <message>
        <source>Took {count} out of {name}</source>
        <translation>{count} retiré(s) de {name}</translation>
    </message>
</context>
</TS>
