<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>CreateAnnotationCommand</name>
    <message>
        <source>tag</source>
        <translation>étiquette</translation>
    </message>
    <message>
        <source>Tag as {tag}</source>
        <translation>Étiqueter comme {tag}</translation>
    </message>
    <message>
        <source>Tag “{quote}”</source>
        <translation>Étiqueter « {quote} »</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>DeleteAnnotationCommand</name>
    <message>
        <source>Delete “{quote}”</source>
        <translation>Supprimer « {quote} »</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>DeleteDocumentCommand</name>
    <message>
        <source>Delete document “{title}”</source>
        <translation>Supprimer le document « {title} »</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Undone; “{title}” has the same text (imported meanwhile): both are kept</source>
        <translation>Annulé ; « {title} » a le même texte (importé entre-temps) : les deux sont conservés</translation>
    </message>
</context>
<context>
    <name>UpdateAnnotationCommand</name>
    <message>
        <source>tag</source>
        <translation>étiquette</translation>
    </message>
    <message>
        <source>Change tag to {tag}</source>
        <translation>Changer l’étiquette en {tag}</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Modifier la note</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>UpdateDocumentCommand</name>
    <message>
        <source>Rename to “{title}”</source>
        <translation>Renommer en « {title} »</translation>
    </message>
    <message>
        <source>Edit document memo</source>
        <translation>Modifier le mémo du document</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Annulé</translation>
    </message>
</context>
</TS>
