<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtInspector</name>
    <message>
        <source>Inspector</source>
        <extracomment>How much of another program&apos;s note the inspector quotes when it differs from the one being typed.</extracomment>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <source>The selected annotation: its tag, quote, place and memo</source>
        <translation>L’annotation sélectionnée : son étiquette, sa citation, sa place et son mémo</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Write a memo; Ctrl+Enter saves it, Esc undoes the typing</source>
        <translation>Écrivez un mémo ; Ctrl+Entrée l’enregistre, Échap annule la saisie</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Mémo</translation>
    </message>
    <message>
        <source>Note changed elsewhere</source>
        <translation>Note modifiée ailleurs</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Citation</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>&amp;Memo</source>
        <translation>&amp;Mémo</translation>
    </message>
    <message>
        <source>Select an annotation to see it here.</source>
        <translation>Sélectionnez une annotation pour la voir ici.</translation>
    </message>
    <message>
        <source>characters {start}–{end} · by {coder}</source>
        <translation>caractères {start} à {end} · par {coder}</translation>
    </message>
    <message>
        <source>characters {start}–{end}</source>
        <translation>caractères {start} à {end}</translation>
    </message>
    <message>
        <source>Changed in another program while you typed; it now reads “{note}”.</source>
        <translation>Modifiée dans un autre programme pendant votre saisie ; elle dit maintenant « {note} ».</translation>
    </message>
    <message>
        <source>Removed in another program while you typed.</source>
        <translation>Supprimée dans un autre programme pendant votre saisie.</translation>
    </message>
    <message>
        <source>Press Ctrl+Enter to save yours instead.</source>
        <translation>Appuyez sur Ctrl+Entrée pour enregistrer la vôtre à la place.</translation>
    </message>
</context>
</TS>
