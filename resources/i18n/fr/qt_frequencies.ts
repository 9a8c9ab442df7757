<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtFrequenciesPanel</name>
    <message>
        <source>Word frequencies</source>
        <translation>Fréquences des mots</translation>
    </message>
    <message>
        <source>word</source>
        <translation>mot</translation>
    </message>
    <message>
        <source>Leave out the stop words of</source>
        <translation>Omettre les mots vides de</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Minimum length, characters</source>
        <translation>Longueur minimale, en caractères</translation>
    </message>
    <message>
        <source>Keep the most frequent words, 0 for all</source>
        <translation>Garder les mots les plus fréquents, 0 pour tous</translation>
    </message>
    <message>
        <source>all</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>Stop words of (&amp;J)</source>
        <translation>Mots vides de (&amp;J)</translation>
    </message>
    <message>
        <source>Mi&amp;n. length</source>
        <translation>Lo&amp;ngueur min.</translation>
    </message>
    <message>
        <source>&amp;Keep top</source>
        <translation>&amp;Garder les premiers</translation>
    </message>
    <message>
        <source>The word in context</source>
        <translation>Le mot en contexte</translation>
    </message>
    <message>
        <source>Word in context</source>
        <translation>Mot en contexte</translation>
    </message>
    <message>
        <source>Copy the selected occurrences</source>
        <translation>Copier les occurrences sélectionnées</translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s). Enter on a word lists it in context.</source>
        <translation>
            <numerusform>%Ln mot. Entrée sur un mot le montre en contexte.</numerusform>
            <numerusform>%Ln mots. Entrée sur un mot le montre en contexte.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln occurrence(s)</source>
        <translation>
            <numerusform>%Ln occurrence</numerusform>
            <numerusform>%Ln occurrences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“{word}”: {occurrences} in %Ln document(s).</source>
        <translation>
            <numerusform>« {word} » : {occurrences} dans %Ln document.</numerusform>
            <numerusform>« {word} » : {occurrences} dans %Ln documents.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Word frequencies</source>
        <translation>Fréquences des mots (&amp;W)</translation>
    </message>
</context>
</TS>
