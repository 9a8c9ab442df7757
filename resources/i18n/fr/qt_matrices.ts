<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtCooccurrencePanel</name>
    <message>
        <source>overlap (share a character)</source>
        <extracomment>What &quot;together&quot; means, as the within chooser offers it (translated when shown).</extracomment>
        <translation>chevauchement (un caractère commun)</translation>
    </message>
    <message>
        <source>the same sentence</source>
        <translation>la même phrase</translation>
    </message>
    <message>
        <source>the same paragraph</source>
        <translation>le même paragraphe</translation>
    </message>
    <message>
        <source>the same document</source>
        <translation>le même document</translation>
    </message>
    <message>
        <source>Co-occurrence</source>
        <translation>Cooccurrence</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>étiquette</translation>
    </message>
    <message>
        <source>Together by</source>
        <translation>Ensemble par</translation>
    </message>
    <message>
        <source>Together &amp;by</source>
        <translation>Ensem&amp;ble par</translation>
    </message>
    <message numerus="yes">
        <source>%Ln tag(s). Enter on a cell lists the pairs it counts.</source>
        <translation>
            <numerusform>%Ln étiquette. Entrée sur une cellule liste les paires comptées.</numerusform>
            <numerusform>%Ln étiquettes. Entrée sur une cellule liste les paires comptées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a number: Enter on a cell lists the pairs it counts.</source>
        <translation>Choisissez un nombre : Entrée sur une cellule liste les paires comptées.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln pair(s)</source>
        <translation>
            <numerusform>%Ln paire</numerusform>
            <numerusform>%Ln paires</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{pairs} of %Ln segment(s): {row} × {column}.</source>
        <translation>
            <numerusform>{pairs} de %Ln segment : {row} × {column}.</numerusform>
            <numerusform>{pairs} de %Ln segments : {row} × {column}.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Co-occurrence</source>
        <translation>&amp;Cooccurrence</translation>
    </message>
</context>
<context>
    <name>QtDocumentMatrixPanel</name>
    <message>
        <source>count of annotations</source>
        <extracomment>What a documents × tags cell holds, as the measure chooser offers it (translated when shown).</extracomment>
        <translation>nombre d’annotations</translation>
    </message>
    <message>
        <source>presence (1 or 0)</source>
        <translation>présence (1 ou 0)</translation>
    </message>
    <message>
        <source>characters coded</source>
        <translation>caractères codés</translation>
    </message>
    <message>
        <source>Documents × tags</source>
        <translation>Documents × étiquettes</translation>
    </message>
    <message>
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <source>Cell kind</source>
        <translation>Type de cellule</translation>
    </message>
    <message>
        <source>Cell &amp;kind</source>
        <translation>Type de cellule (&amp;K)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln document(s). Enter on a cell lists its segments.</source>
        <translation>
            <numerusform>%Ln document. Entrée sur une cellule liste ses segments.</numerusform>
            <numerusform>%Ln documents. Entrée sur une cellule liste ses segments.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a number: Enter on a cell lists its segments.</source>
        <translation>Choisissez un nombre : Entrée sur une cellule liste ses segments.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln segment(s): {row} × {column}.</source>
        <translation>
            <numerusform>%Ln segment : {row} × {column}.</numerusform>
            <numerusform>%Ln segments : {row} × {column}.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Documents × tags</source>
        <translation>&amp;Documents × étiquettes</translation>
    </message>
</context>
<context>
    <name>QtMatrixPanel</name>
    <message>
        <source>Subta&amp;gs</source>
        <translation>Sous-étiquettes (&amp;G)</translation>
    </message>
    <message>
        <source>A tag counts the tags inside it</source>
        <translation>Une étiquette compte celles qu’elle contient</translation>
    </message>
    <message>
        <source>A tag stands for itself and the tags inside it (Alt+G)</source>
        <translation>Une étiquette vaut pour elle-même et celles qu’elle contient (Alt+G)</translation>
    </message>
    <message>
        <source>{title} segments</source>
        <translation>{title} : segments</translation>
    </message>
    <message>
        <source>C&amp;oder</source>
        <translation>C&amp;odeur</translation>
    </message>
    <message>
        <source>The library cannot be read: {error}</source>
        <translation>La bibliothèque ne peut pas être lue : {error}</translation>
    </message>
</context>
</TS>
