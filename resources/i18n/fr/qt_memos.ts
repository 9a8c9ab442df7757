<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtJournalDialog</name>
    <message>
        <source>(untitled)</source>
        <extracomment>The file name Export memos offers (a name, not translated).</extracomment>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Project journal</source>
        <translation>Journal du projet</translation>
    </message>
    <message>
        <source>Journal entries</source>
        <translation>Entrées du journal</translation>
    </message>
    <message>
        <source>Entry title</source>
        <translation>Titre de l’entrée</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Entry text</source>
        <translation>Texte de l’entrée</translation>
    </message>
    <message>
        <source>What you did, noticed or decided today; Ctrl+Enter saves</source>
        <translation>Ce que vous avez fait, remarqué ou décidé aujourd’hui ; Ctrl+Entrée enregistre</translation>
    </message>
    <message>
        <source>&amp;New entry</source>
        <translation>&amp;Nouvelle entrée</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Enregi&amp;strer</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>Supprimer (&amp;D)</translation>
    </message>
    <message>
        <source>Delete journal entry</source>
        <translation>Supprimer l’entrée du journal</translation>
    </message>
    <message>
        <source>Delete the journal entry “{title}”?</source>
        <translation>Supprimer l’entrée du journal « {title} » ?</translation>
    </message>
</context>
<context>
    <name>QtMemoFlow</name>
    <message>
        <source>&amp;Memos</source>
        <translation>&amp;Mémos</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <source>Tag {tag}: its description is its coding rules, kept with the tag.</source>
        <translation>Étiquette {tag} : sa description contient ses règles de codage, conservées avec l’étiquette.</translation>
    </message>
</context>
<context>
    <name>QtMemosDialog</name>
    <message>
        <source>Journal</source>
        <extracomment>The memo kinds as the Memos view shows them (translated when shown).</extracomment>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>Annotation</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Memos</source>
        <translation>Mémos</translation>
    </message>
    <message>
        <source>Filter memos</source>
        <translation>Filtrer les mémos</translation>
    </message>
    <message>
        <source>Every memo with its place</source>
        <translation>Tous les mémos avec leur emplacement</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Mémo</translation>
    </message>
    <message>
        <source>&amp;Export memos…</source>
        <translation>&amp;Exporter les mémos…</translation>
    </message>
    <message>
        <source>Export memos</source>
        <translation>Exporter les mémos</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Tous les fichiers</translation>
    </message>
    <message>
        <source>The memos were not exported: {error}</source>
        <translation>Les mémos n’ont pas été exportés : {error}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln memo(s) to {path}</source>
        <translation>
            <numerusform>%Ln mémo exporté vers {path}</numerusform>
            <numerusform>%Ln mémos exportés vers {path}</numerusform>
        </translation>
    </message>
</context>
</TS>
