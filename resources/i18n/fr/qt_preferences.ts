<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtCoderDialog</name>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Your name is saved with each annotation you make (as its coder), so a team&apos;s exports say who tagged what. You can change it later in Edit ▸ Settings (Ctrl+,).</source>
        <translation>Votre nom est enregistré avec chaque annotation que vous faites (comme son codeur), pour que les exports d’une équipe disent qui a étiqueté quoi. Vous pourrez le changer plus tard dans Édition ▸ Paramètres (Ctrl+,).</translation>
    </message>
    <message>
        <source>Your name as a coder</source>
        <translation>Votre nom de codeur</translation>
    </message>
    <message>
        <source>e.g. Ann Smith (leave empty for none)</source>
        <translation>p. ex. Marie Dupont (laisser vide pour aucun)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
</context>
<context>
    <name>QtCoderIdentity</name>
    <message>
        <source>Your name was not changed: {error}</source>
        <extracomment>Called when the name changed (what &quot;only mine&quot; shows changes with it).</extracomment>
        <translation>Votre nom n’a pas été changé : {error}</translation>
    </message>
    <message>
        <source>Your name could not be saved in the settings ({error}); it is used until you quit.</source>
        <translation>Votre nom n’a pas pu être enregistré dans les paramètres ({error}) ; il sert jusqu’à ce que vous quittiez.</translation>
    </message>
</context>
</TS>
