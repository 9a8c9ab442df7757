<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QtCoderPane</name>
    <message>
        <source>{coder}&apos;s coding</source>
        <translation>Codage de {coder}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>{coder} coded: {codings}</source>
        <translation>{coder} a codé : {codings}</translation>
    </message>
</context>
<context>
    <name>QtDisagreementsModel</name>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>Contesté</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Citation</translation>
    </message>
    <message>
        <source>Settled</source>
        <extracomment>How many coders Alt+1, Alt+2… can accept. The last column&apos;s header (translated when shown).</extracomment>
        <translation>Tranché</translation>
    </message>
</context>
<context>
    <name>QtDisagreementsPanel</name>
    <message>
        <source>blind coding is on; turn it off (View › Coders) to compare coders</source>
        <extracomment>Why nothing is listed while the library is coded blind.</extracomment>
        <translation>le codage en aveugle est actif ; désactivez-le (Affichage › Codeurs) pour comparer les codeurs</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>Désaccords</translation>
    </message>
    <message>
        <source>Coders to compare</source>
        <translation>Codeurs à comparer</translation>
    </message>
    <message>
        <source>Check two coders or more (Space)</source>
        <translation>Cochez deux codeurs ou plus (Espace)</translation>
    </message>
    <message>
        <source>Tags compared</source>
        <translation>Étiquettes comparées</translation>
    </message>
    <message>
        <source>Consensus coder</source>
        <translation>Codeur de consensus</translation>
    </message>
    <message>
        <source>consensus</source>
        <translation>consensus</translation>
    </message>
    <message>
        <source>The coder an accepted version is copied to</source>
        <translation>Le codeur vers lequel une version acceptée est copiée</translation>
    </message>
    <message>
        <source>R&amp;un</source>
        <translation>Exéc&amp;uter</translation>
    </message>
    <message>
        <source>List the disagreements</source>
        <translation>Lister les désaccords</translation>
    </message>
    <message>
        <source>Disagreements table</source>
        <translation>Tableau des désaccords</translation>
    </message>
    <message>
        <source>Each coder&apos;s version</source>
        <translation>La version de chaque codeur</translation>
    </message>
    <message>
        <source>&amp;Both</source>
        <translation>&amp;Les deux</translation>
    </message>
    <message>
        <source>Accept every coder&apos;s version</source>
        <translation>Accepter la version de chaque codeur</translation>
    </message>
    <message>
        <source>&amp;Neither</source>
        <translation>Auc&amp;un</translation>
    </message>
    <message>
        <source>Accept no coder&apos;s version</source>
        <translation>N’accepter aucune version</translation>
    </message>
    <message>
        <source>Accept coder {number}</source>
        <translation>Accepter le codeur {number}</translation>
    </message>
    <message>
        <source>Disagreements status</source>
        <translation>État des désaccords</translation>
    </message>
    <message>
        <source>Disagreements progress</source>
        <translation>Progression des désaccords</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel listing the disagreements</source>
        <translation>Annuler la liste des désaccords</translation>
    </message>
    <message>
        <source>List the disagreements again</source>
        <translation>Relister les désaccords</translation>
    </message>
    <message>
        <source>C&amp;oders</source>
        <translation>C&amp;odeurs</translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation>Étiquettes (&amp;G)</translation>
    </message>
    <message>
        <source>&amp;In</source>
        <translation>Dans (&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Consensus coder</source>
        <translation>Codeur de &amp;consensus</translation>
    </message>
    <message>
        <source>Accept:</source>
        <translation>Accepter :</translation>
    </message>
    <message>
        <source>{coder}&apos;s coding</source>
        <translation>Codage de {coder}</translation>
    </message>
    <message>
        <source>Accept {coder}&apos;s version</source>
        <translation>Accepter la version de {coder}</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Les deux</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>The library cannot be read: {error}</source>
        <translation>La bibliothèque ne peut pas être lue : {error}</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Toutes les étiquettes</translation>
    </message>
    <message>
        <source>check two coders or more (Alt+O, then Space)</source>
        <translation>cochez deux codeurs ou plus (Alt+O, puis Espace)</translation>
    </message>
    <message>
        <source>Not listed: {error}.</source>
        <translation>Non listé : {error}.</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Comparaison…</translation>
    </message>
    <message>
        <source>Cancelled; the list is that of the last run.</source>
        <translation>Annulé ; la liste est celle de la dernière exécution.</translation>
    </message>
    <message>
        <source>{coders} agree everywhere compared.</source>
        <translation>{coders} sont d’accord partout où l’on compare.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln stretch(es) where {coders} differ, largest first. Enter shows one in the text; Alt+1, Alt+2… accept a coder&apos;s version, Alt+B all, Alt+N neither.</source>
        <translation>
            <numerusform>%Ln passage où {coders} diffèrent, les plus longs d’abord. Entrée le montre dans le texte ; Alt+1, Alt+2… acceptent la version d’un codeur, Alt+B toutes, Alt+N aucune.</numerusform>
            <numerusform>%Ln passages où {coders} diffèrent, les plus longs d’abord. Entrée en montre un dans le texte ; Alt+1, Alt+2… acceptent la version d’un codeur, Alt+B toutes, Alt+N aucune.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not accepted: {error}.</source>
        <translation>Non accepté : {error}.</translation>
    </message>
    <message>
        <source>Not accepted: type a name for the consensus coder first (Alt+C).</source>
        <translation>Non accepté : saisissez d’abord un nom pour le codeur de consensus (Alt+C).</translation>
    </message>
    <message>
        <source>Not accepted: the consensus coder must be another name than the coders compared, not &apos;{name}&apos;.</source>
        <translation>Non accepté : le codeur de consensus doit porter un autre nom que les codeurs comparés, pas « {name} ».</translation>
    </message>
    <message>
        <source>Choose a stretch in the list first.</source>
        <translation>Choisissez d’abord un passage dans la liste.</translation>
    </message>
    <message>
        <source>Accepted {choice} for {where}.</source>
        <translation>{choice} accepté pour {where}.</translation>
    </message>
    <message>
        <source>Undone: {where} is open again.</source>
        <translation>Annulé : {where} est de nouveau ouvert.</translation>
    </message>
    <message>
        <source>Disa&amp;greements</source>
        <translation>Désaccords (&amp;G)</translation>
    </message>
</context>
</TS>
