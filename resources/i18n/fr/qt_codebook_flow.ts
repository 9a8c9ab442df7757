<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtCodebookFlow</name>
    <message>
        <source>(top level)</source>
        <extracomment>The longest tag name in-vivo coding makes from a selection (longer selections are cut at a word).</extracomment>
        <translation>(niveau supérieur)</translation>
    </message>
    <message>
        <source>&amp;New tag…</source>
        <translation>&amp;Nouvelle étiquette…</translation>
    </message>
    <message>
        <source>New &amp;child tag…</source>
        <translation>Nouvelle sous-étiquette (&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Renommer</translation>
    </message>
    <message>
        <source>&amp;Edit tag…</source>
        <translation>Modifi&amp;er l’étiquette…</translation>
    </message>
    <message>
        <source>&amp;Move under…</source>
        <translation>Déplacer sous (&amp;M)…</translation>
    </message>
    <message>
        <source>Move u&amp;p</source>
        <translation>Monter (&amp;P)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Descendre (&amp;W)</translation>
    </message>
    <message>
        <source>Mer&amp;ge into…</source>
        <translation>Fusionner dans (&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Delete tag…</source>
        <translation>Supprimer l’étiquette (&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Quick pick…</source>
        <translation>Choix rapide (&amp;Q)…</translation>
    </message>
    <message>
        <source>New tag from &amp;selection</source>
        <translation>Nouvelle étiquette depuis la &amp;sélection</translation>
    </message>
    <message>
        <source>Choose a tag in the tag list first.</source>
        <translation>Choisissez d’abord une étiquette dans la liste des étiquettes.</translation>
    </message>
    <message>
        <source>Name of the new tag under “{parent}”:</source>
        <translation>Nom de la nouvelle étiquette sous « {parent} » :</translation>
    </message>
    <message>
        <source>Name of the new tag:</source>
        <translation>Nom de la nouvelle étiquette :</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>Nouvelle étiquette</translation>
    </message>
    <message>
        <source>Rename {tag} to {name}</source>
        <translation>Renommer {tag} en {name}</translation>
    </message>
    <message>
        <source>Edit tag {tag}</source>
        <translation>Modifier l’étiquette {tag}</translation>
    </message>
    <message>
        <source>Choose the tags to move in the tag list first.</source>
        <translation>Choisissez d’abord les étiquettes à déplacer dans la liste des étiquettes.</translation>
    </message>
    <message>
        <source>Move under</source>
        <translation>Déplacer sous</translation>
    </message>
    <message>
        <source>Move {tags} under:</source>
        <translation>Déplacer {tags} sous :</translation>
    </message>
    <message>
        <source>Move {tag}</source>
        <translation>Déplacer {tag}</translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln tag(s)</source>
        <translation>
            <numerusform>Déplacer %Ln étiquette</numerusform>
            <numerusform>Déplacer %Ln étiquettes</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the tags to merge in the tag list first (Ctrl+click for several).</source>
        <translation>Choisissez d’abord les étiquettes à fusionner dans la liste des étiquettes (Ctrl+clic pour plusieurs).</translation>
    </message>
    <message>
        <source>Merge {tags} into:</source>
        <translation>Fusionner {tags} dans :</translation>
    </message>
    <message>
        <source>Merge tags</source>
        <translation>Fusionner des étiquettes</translation>
    </message>
    <message>
        <source>Merge into {tag}</source>
        <translation>Fusionner dans {tag}</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>étiquette</translation>
    </message>
    <message>
        <source>Move them to another tag…</source>
        <translation>Les déplacer vers une autre étiquette…</translation>
    </message>
    <message numerus="yes">
        <source>Delete the %Ln annotation(s) too</source>
        <translation>
            <numerusform>Supprimer aussi l’annotation</numerusform>
            <numerusform>Supprimer aussi les %Ln annotations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“{tag}” is used by %Ln annotation(s). What should happen to them?</source>
        <translation>
            <numerusform>« {tag} » est utilisée par %Ln annotation. Que doit-elle devenir ?</numerusform>
            <numerusform>« {tag} » est utilisée par %Ln annotations. Que doivent-elles devenir ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete tag</source>
        <translation>Supprimer l’étiquette</translation>
    </message>
    <message numerus="yes">
        <source>Move the %Ln annotation(s) of “{tag}” to:</source>
        <translation>
            <numerusform>Déplacer l’annotation de « {tag} » vers :</numerusform>
            <numerusform>Déplacer les %Ln annotations de « {tag} » vers :</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete tag {tag}</source>
        <translation>Supprimer l’étiquette {tag}</translation>
    </message>
    <message>
        <source>&amp;Move to tag…</source>
        <translation>Déplacer vers une étiquette (&amp;M)…</translation>
    </message>
    <message>
        <source>Move to &amp;new tag…</source>
        <translation>Déplacer vers une &amp;nouvelle étiquette…</translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln annotation(s) to:</source>
        <translation>
            <numerusform>Déplacer %Ln annotation vers :</numerusform>
            <numerusform>Déplacer %Ln annotations vers :</numerusform>
        </translation>
    </message>
    <message>
        <source>Move to tag</source>
        <translation>Déplacer vers une étiquette</translation>
    </message>
    <message>
        <source>Two of the selected annotations are of one span: under one tag they would be copies.</source>
        <translation>Deux des annotations sélectionnées portent sur le même passage : sous une même étiquette, ce seraient des copies.</translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln annotation(s) to a new tag:</source>
        <translation>
            <numerusform>Déplacer %Ln annotation vers une nouvelle étiquette :</numerusform>
            <numerusform>Déplacer %Ln annotations vers une nouvelle étiquette :</numerusform>
        </translation>
    </message>
    <message>
        <source>Move to new tag</source>
        <translation>Déplacer vers une nouvelle étiquette</translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln annotation(s) to the new tag {tag}</source>
        <translation>
            <numerusform>Déplacer %Ln annotation vers la nouvelle étiquette {tag}</numerusform>
            <numerusform>Déplacer %Ln annotations vers la nouvelle étiquette {tag}</numerusform>
        </translation>
    </message>
    <message>
        <source>Select some words first: they become the new tag&apos;s name.</source>
        <translation>Sélectionnez d’abord quelques mots : ils deviennent le nom de la nouvelle étiquette.</translation>
    </message>
    <message>
        <source>There is a tag “{tag}” already: the words are tagged with it.</source>
        <translation>L’étiquette « {tag} » existe déjà : les mots sont étiquetés avec elle.</translation>
    </message>
    <message>
        <source>New tag {tag} from the selection</source>
        <translation>Nouvelle étiquette {tag} depuis la sélection</translation>
    </message>
    <message>
        <source>Tag actions</source>
        <translation>Actions sur l’étiquette</translation>
    </message>
</context>
<context>
    <name>QtTagDialog</name>
    <message>
        <source>This colour is hard to tell apart from {tags}.</source>
        <translation>Cette couleur se distingue mal de {tags}.</translation>
    </message>
    <message>
        <source>Edit tag {tag}</source>
        <translation>Modifier l’étiquette {tag}</translation>
    </message>
    <message>
        <source>Edit tag</source>
        <translation>Modifier l’étiquette</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <source>&amp;Other colour…</source>
        <translation>Autre c&amp;ouleur…</translation>
    </message>
    <message>
        <source>Other colour</source>
        <translation>Autre couleur</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Touche</translation>
    </message>
    <message>
        <source>Description and coding rules</source>
        <translation>Description et règles de codage</translation>
    </message>
    <message>
        <source>Colour warning</source>
        <translation>Avertissement de couleur</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Colour</source>
        <translation>&amp;Couleur</translation>
    </message>
    <message>
        <source>&amp;Key</source>
        <translation>Touche (&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>Tag colour</source>
        <translation>Couleur de l’étiquette</translation>
    </message>
</context>
</TS>
