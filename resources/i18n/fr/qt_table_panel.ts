<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtTablePanel</name>
    <message>
        <source>The library has changed since; this table may be out of date. Press F5 to count again.</source>
        <extracomment>What a view says once the library changed after its table was counted.</extracomment>
        <translation>La bibliothèque a changé depuis ; ce tableau est peut-être périmé. F5 recompte.</translation>
    </message>
    <message>
        <source>R&amp;un</source>
        <extracomment>How much of the palette&apos;s highlight a number mixes into the base: HEAT_MOST the largest, down towards HEAT_LEAST as it nears 0 (a 0 is not shaded); at most so much, so the text stays readable.</extracomment>
        <translation>Exéc&amp;uter</translation>
    </message>
    <message>
        <source>Count the table: {title}</source>
        <translation>Compter le tableau : {title}</translation>
    </message>
    <message>
        <source>{title} table</source>
        <translation>{title} : tableau</translation>
    </message>
    <message>
        <source>{title} status</source>
        <translation>{title} : état</translation>
    </message>
    <message>
        <source>{title} progress</source>
        <translation>{title} : progression</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel counting the table: {title}</source>
        <translation>Annuler le comptage : {title}</translation>
    </message>
    <message>
        <source>Count the table again: {title}</source>
        <translation>Recompter le tableau : {title}</translation>
    </message>
    <message>
        <source>Copy the selected segments</source>
        <translation>Copier les segments sélectionnés</translation>
    </message>
    <message>
        <source>&amp;In</source>
        <translation>Dans (&amp;I)</translation>
    </message>
    <message>
        <source>The library cannot be read: {error}</source>
        <translation>La bibliothèque ne peut pas être lue : {error}</translation>
    </message>
    <message>
        <source>Not counted: {error}.</source>
        <translation>Non compté : {error}.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message>
        <source>Still counting: open a cell once the new table is shown.</source>
        <translation>Comptage en cours : ouvrez une cellule une fois le nouveau tableau affiché.</translation>
    </message>
    <message>
        <source>Reading the cell…</source>
        <translation>Lecture de la cellule…</translation>
    </message>
    <message>
        <source>Cancelled; the table is that of the last run.</source>
        <translation>Annulé ; le tableau est celui de la dernière exécution.</translation>
    </message>
</context>
</TS>
