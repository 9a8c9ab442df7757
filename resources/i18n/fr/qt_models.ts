<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtAnnotationTableModel</name>
    <message>
        <source>Tag</source>
        <extracomment>The columns&apos; headers (translated when shown).</extracomment>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Citation</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Placed on changed text by a revision: check it, then choose Accept placement.</source>
        <translation>Placée sur un texte modifié par une révision : vérifiez-la, puis choisissez « Accepter le placement ».</translation>
    </message>
    <message>
        <source>Memo:</source>
        <translation>Mémo :</translation>
    </message>
</context>
<context>
    <name>QtDocumentListModel</name>
    <message>
        <source>(deleted tag)</source>
        <extracomment>What a drag of documents from the library list carries: their ids, one per line.</extracomment>
        <translation>(étiquette supprimée)</translation>
    </message>
    <message>
        <source>{title}
{characters} · {annotations}</source>
        <translation>{title}
{characters} · {annotations}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln caractère</numerusform>
            <numerusform>%Ln caractères</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln annotation(s)</source>
        <translation>
            <numerusform>%Ln annotation</numerusform>
            <numerusform>%Ln annotations</numerusform>
        </translation>
    </message>
</context>
</TS>
