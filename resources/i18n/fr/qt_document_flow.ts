<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtDocumentDetailsDialog</name>
    <message>
        <source>Details — {title}</source>
        <translation>Détails — {title}</translation>
    </message>
    <message>
        <source>Document details</source>
        <translation>Détails du document</translation>
    </message>
    <message>
        <source>{characters}, {bytes} (UTF-8)</source>
        <translation>{characters}, {bytes} (UTF-8)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln caractère</numerusform>
            <numerusform>%Ln caractères</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln octet</numerusform>
            <numerusform>%Ln octets</numerusform>
        </translation>
    </message>
    <message>
        <source> (and {orphans} without a place)</source>
        <translation> (et {orphans} sans emplacement)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Source file</source>
        <translation>Fichier source</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>(inconnu)</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importé</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>Per tag</source>
        <translation>Par étiquette</translation>
    </message>
    <message>
        <source>(deleted tag)</source>
        <translation>(étiquette supprimée)</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>version {version}</source>
        <translation>version {version}</translation>
    </message>
    <message>
        <source>replaced {when}</source>
        <translation>remplacée le {when}</translation>
    </message>
    <message>
        <source>The text is as imported.</source>
        <translation>Le texte est tel qu’importé.</translation>
    </message>
</context>
<context>
    <name>QtDocumentFlow</name>
    <message>
        <source>Re&amp;name…</source>
        <translation>Re&amp;nommer…</translation>
    </message>
    <message>
        <source>Document &amp;memo…</source>
        <translation>&amp;Mémo du document…</translation>
    </message>
    <message>
        <source>Detai&amp;ls…</source>
        <translation>Détai&amp;ls…</translation>
    </message>
    <message>
        <source>&amp;Delete document…</source>
        <translation>Supprimer le &amp;document…</translation>
    </message>
    <message>
        <source>Choose a document in the library first.</source>
        <translation>Choisissez d’abord un document dans la bibliothèque.</translation>
    </message>
    <message>
        <source>Rename document</source>
        <translation>Renommer le document</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titre :</translation>
    </message>
    <message numerus="yes">
        <source>%Ln annotation(s)</source>
        <translation>
            <numerusform>%Ln annotation</numerusform>
            <numerusform>%Ln annotations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln earlier version(s)</source>
        <translation>
            <numerusform>%Ln version antérieure</numerusform>
            <numerusform>%Ln versions antérieures</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete document</source>
        <translation>Supprimer le document</translation>
    </message>
    <message>
        <source>Delete “{title}”?

Its {annotations} and {versions} are deleted with it. A backup of the library is made first, and Edit ▸ Undo puts it back.</source>
        <translation>Supprimer « {title} » ?

Ses {annotations} et {versions} sont supprimées avec lui. Une sauvegarde de la bibliothèque est d’abord faite, et Édition ▸ Annuler le rétablit.</translation>
    </message>
</context>
<context>
    <name>QtDocumentMemoDialog</name>
    <message>
        <source>Memo — {title}</source>
        <translation>Mémo — {title}</translation>
    </message>
    <message>
        <source>Document memo</source>
        <translation>Mémo du document</translation>
    </message>
    <message>
        <source>What is this document, why is it here, what to look for…</source>
        <translation>Qu’est-ce que ce document, pourquoi est-il ici, que faut-il y chercher…</translation>
    </message>
</context>
</TS>
