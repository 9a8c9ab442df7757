<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ImportReport</name>
    <message numerus="yes">
        <source>{names} and %Ln more</source>
        <extracomment>How many of the tags a codebook added the status bar names.</extracomment>
        <translation>
            <numerusform>{names} et %Ln autre</numerusform>
            <numerusform>{names} et %Ln autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %Ln tag(s) from the codebook: {names}.</source>
        <translation>
            <numerusform>%Ln étiquette ajoutée depuis le livre de codes : {names}.</numerusform>
            <numerusform>%Ln étiquettes ajoutées depuis le livre de codes : {names}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was added: the library already has every tag of the codebook.</source>
        <translation>Rien n’a été ajouté : la bibliothèque a déjà toutes les étiquettes du livre de codes.</translation>
    </message>
    <message>
        <source>“{title}” is already in the library; it is open now.</source>
        <translation>« {title} » est déjà dans la bibliothèque ; il est ouvert maintenant.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln annotation(s)</source>
        <translation>
            <numerusform>%Ln annotation</numerusform>
            <numerusform>%Ln annotations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln new document(s), {annotations}</source>
        <translation>
            <numerusform>%Ln nouveau document importé, {annotations}</numerusform>
            <numerusform>%Ln nouveaux documents importés, {annotations}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln document(s) were already in the library</source>
        <translation>
            <numerusform>%Ln document était déjà dans la bibliothèque</numerusform>
            <numerusform>%Ln documents étaient déjà dans la bibliothèque</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>added %Ln tag(s)</source>
        <translation>
            <numerusform>%Ln étiquette ajoutée</numerusform>
            <numerusform>%Ln étiquettes ajoutées</numerusform>
        </translation>
    </message>
    <message>
        <source>“{title}” is already in the library with different text: to keep its annotations on the new text, use Document › Replace text with a new version… (annotator revise).</source>
        <translation>« {title} » est déjà dans la bibliothèque avec un autre texte : pour garder ses annotations sur le nouveau texte, utilisez Document › Remplacer le texte par une nouvelle version… (annotator revise).</translation>
    </message>
</context>
<context>
    <name>QtImportFlow</name>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>Importation annulée ; rien n’a été importé.</translation>
    </message>
    <message>
        <source>All supported files</source>
        <translation>Tous les fichiers pris en charge</translation>
    </message>
    <message>
        <source>Import documents</source>
        <translation>Importer des documents</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Tous les fichiers</translation>
    </message>
    <message>
        <source>Nothing to import</source>
        <translation>Rien à importer</translation>
    </message>
    <message>
        <source>The clipboard holds no text.</source>
        <translation>Le presse-papiers ne contient pas de texte.</translation>
    </message>
    <message>
        <source>The clipboard&apos;s text was not imported: {error}.</source>
        <translation>Le texte du presse-papiers n’a pas été importé : {error}.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Échec de l’importation</translation>
    </message>
    <message>
        <source>Nothing was imported: {error}</source>
        <translation>Rien n’a été importé : {error}</translation>
    </message>
    <message>
        <source>Some files were not imported</source>
        <translation>Certains fichiers n’ont pas été importés</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importation…</translation>
    </message>
    <message>
        <source>(no coder)</source>
        <translation>(aucun codeur)</translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln annotation(s) by {coders}</source>
        <translation>
            <numerusform>Importer %Ln annotation de {coders}</numerusform>
            <numerusform>Importer %Ln annotations de {coders}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln annotation(s)</source>
        <translation>
            <numerusform>Importer %Ln annotation</numerusform>
            <numerusform>Importer %Ln annotations</numerusform>
        </translation>
    </message>
</context>
</TS>
