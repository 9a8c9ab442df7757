<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtOrphanPanel</name>
    <message>
        <source>Orphaned by a revision</source>
        <translation>Orphelines après une révision</translation>
    </message>
    <message>
        <source>Orphaned annotations</source>
        <extracomment>Whether an orphan by this coder is listed (whose annotations the window shows).</extracomment>
        <translation>Annotations orphelines</translation>
    </message>
    <message>
        <source>These annotations found no place in the new text. Select one, select its text in the document, then Re-attach.</source>
        <translation>Ces annotations n’ont pas trouvé de place dans le nouveau texte. Choisissez-en une, sélectionnez son texte dans le document, puis Rattacher.</translation>
    </message>
    <message>
        <source>Re-attach to selected text</source>
        <translation>Rattacher au texte sélectionné</translation>
    </message>
    <message>
        <source>{tag}: “{quote}”</source>
        <translation>{tag} : « {quote} »</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Note : {note}</translation>
    </message>
    <message>
        <source>Select an orphan in the list and its new text in the document.</source>
        <translation>Choisissez une orpheline dans la liste et son nouveau texte dans le document.</translation>
    </message>
</context>
</TS>
