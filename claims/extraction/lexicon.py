"""Every word list of the extractor, by topic: cue verbs, grammar words, time, punctuation, nouns
that report, subjects and speakers, where a content starts and ends, sentence ends, source names.
The rules in ``attribution/`` and the other stages read them as ``lx.NAME``.

Cue verbs were chosen by hand from speech, report and belief verbs, checked against how often each
form acts as an attribution cue in the PolNeAR training split (only the lists and their rough
reliability come from there; no text or model). ``STRONG`` forms are cues nearly whenever they
have a subject; ``WEAK`` forms (beliefs, intentions, "called", "showed") need a clear subject and
are never used for inverted "..., X verb." patterns.
"""

import re


def words(text: str) -> list[str]:
    """Split a whitespace-separated word list (keeps long lists readable)."""
    return text.split()


# ---------------------------------------------------------------------------------------------
# Cue verbs: speech, report, belief and evaluation, and the words that go with them

STRONG = frozenset(
    words(
        """
        say says said saying tell tells told telling add adds added adding write writes
        wrote note notes noted noting explain explains explained explaining argue argues
        argued arguing claim claims claimed claiming insist insists insisted insisting warn
        warns warned warning confirm confirms confirmed confirming deny denies denied
        denying announce announces announced announcing report reports reported reporting
        state states stated stating acknowledge acknowledges acknowledged acknowledging
        admit admits admitted admitting assert asserts asserted asserting suggest suggests
        suggested suggesting tweet tweets tweeted tweeting declare declares declared
        declaring predict predicts predicted predicting stress stresses stressed stressing
        emphasize emphasizes emphasized emphasizing recall recalls recalled recalling reply
        replies replied replying respond responds responded responding counter counters
        countered countering conclude concludes concluded concluding reveal reveals revealed
        revealing allege alleges alleged alleging accuse accuses accused accusing blame
        blames blamed blaming contend contends contended maintain maintains maintained
        remark remarks remarked comment comments commented complain complains complained
        concede concedes conceded joke jokes joked vow vows vowed vowing pledge pledges
        pledged pledging promise promises promised promising urge urges urged urging
        reiterate reiterates reiterated reiterating acknowledge observe observes observed
        boast boasts boasted lament laments lamented decry decries decried criticize
        criticizes criticized criticizing criticise criticised condemn condemns condemned
        condemning denounce denounces denounced denouncing praise praises praised praising
        slam slams slammed slamming blast blasts blasted blasting attack attacks attacked
        attacking dismiss dismisses dismissed dismissing reject rejects rejected rejecting
        question questions questioned questioning cite cites cited citing describe describes
        described describing ask asks asked asking wonder wonders wondered speculate
        speculates speculated testify testifies testified disclose discloses disclosed
        indicate indicates indicated indicating caution cautions cautioned point points
        pointed explain tout touts touted assure assures assured assuring inform informs
        informed echo echoes echoed retort retorts retorted shout shouts shouted yell yells
        yelled quip quips quipped mock mocks mocked mocking recount recounts recounted rail
        rails railed acknowledged
        """
    )
)

# Evaluation verbs: PolNeAR also annotates "X praised / defended / thanked Y" as attributions.
STRONG = STRONG | frozenset(
    words(
        """
        defend defends defended defending thank thanks thanked thanking welcome welcomes
        welcomed hail hails hailed credit credits credited liken likens likened label labels
        labeled labelled dub dubs dubbed brand brands branded portray portrays portrayed
        challenge challenges challenged demand demands demanded request requested chide chided
        assail assailed lambast lambasted deride derided rebuke rebuked knock knocked rip ripped
        hammer hammered advocate advocates advocated threaten threatens threatened forecast
        confess confessed apologize apologized brag brags bragged bemoan bemoaned gripe griped
        hint hints hinted imply implies implied signal signals signaled signalled repeat repeats
        repeated remember remembers remembered express expresses expressed lash lashed scoff
        scoffed chastise chastised excoriate excoriated applaud applauded congratulate
        congratulated
        """
    )
)

# Further speech forms found missing when the training split's missed attributions were
# grouped by cue word (kept when most of their occurrences there were cues).
STRONG = STRONG | frozenset(
    words(
        """
        touting mentioning chant chants chanted chanting remind reminds reminded reminding
        retweet retweets retweeted plead pleads pleaded pleading voiced repeating highlight
        highlights highlighted highlighting refer refers referred referring reference
        referenced discussed email emailed quote quoted quoting
        talk talked talking recommend recommends recommended recommending posted spoke
        """
    )
)

# Beliefs, intentions, evidence and evaluation: attributions in PolNeAR, but the same forms are
# often plain verbs, so they need a subject directly before them.
WEAK = frozenset(
    words(
        """
        believe believes believed think thinks thought hope hopes hoped fear fears feared
        expect expects expected want wants wanted know knows knew feel feels felt worry
        worries worried doubt doubts doubted estimate estimates estimated show shows showed
        shown find finds found call calls called calling seem seems seemed appear appears
        appeared plan plans planned endorse endorses endorsed endorsing support supports
        supported oppose opposes opposed agree agrees agreed decline declines declined
        refuse refuses refused continue continues continued mention mentions mentioned
        propose proposes proposed seek seeks sought predict view views viewed see sees saw
        consider considers considered hoping expecting proposing refusing ordered named
        nominated ruled championed deemed pushed pressed encouraged convinced sided
        supporting backed backing favor favors prefer prefers preferred decided seeking
        offered offering signed learned identified issued aimed intended planning focused
        embraced shared ignored answered approved pushing threatening attributed projected
        persuade recognized celebrated
        """
    )
)

# More forms from the training split's gold cues, kept when they occurred there as a cue at least
# three times and at least half of the attributions they produced (as weak cues) were right;
# only speech, thought, evaluation and intention verbs, so the list generalises.
WEAK = WEAK | frozenset(
    words(
        """
        realized framed considering trumpeting mused detailing outlining outlined interjected
        titled remarking recognizes opted embracing comparing acquiesced underscores noticed
        referencing believing aiming listed challenging looking pointing cheered writing
        sparred reacted invoked
        """
    )
)

# Extractor 1.4: speech, thought and stance forms whose attributions on the training split were
# right at least half the time ("Lee is confident that", "Lee discussed", "the memo lists").
WEAK = WEAK | frozenset(
    words(
        """
        discuss lists laid lays laying confident skeptical eager concerned critical accusations
        sued determined recognize advising cheer disavowed opined pivoted alluding articulated
        recognizing fearing allows adamant optimistic willing
        """
    )
)

# Words before "show" that make it a programme ("the TV show", "a talk show", "NBC's Today
# show", "Breitbart News Daily show").
PROGRAMME_WORDS = frozenset(
    words("tv television talk radio reality morning cooking daily today variety")
)

# Stance adjectives that are cues only before what they are about ("critical of the plan"), not
# before a noun ("critical victories").
ATTRIBUTIVE_CUES = frozenset(("critical",))

# Forms that extracted far more wrong attributions than right ones on the training split
# (under about 30% correct: "maintained a lead", "states", "the plan", "spoke to reporters"),
# and "advocates", which is the noun far more often than the verb ("voting rights advocates").
UNRELIABLE = frozenset(
    words(
        """
        maintain maintains maintained attack find finds state states continues note spoke
        pushed plan felt challenge challenges credit knew email talk thanks remarks comments
        recommended attacks recognized continue saw advocates
        """
    )
)

# Extractor 1.6: the -ing, -s and base forms of verbs above that lacked them ("is demanding
# that C", "echoing the mayor's call for C", "voters embrace C"), each with its verb's strength,
# and verbs of stance seen as cues on the training split at least half the time they fired
# ("trashed the plan", "downplayed the risk", "understands that C").
STRONG = STRONG | frozenset(
    words(
        """
        advocating apologizing applauding assailing boasting bragging cautioning chastising
        chiding commenting complaining conceding congratulating contending crediting demanding
        disclosing discussing dubbing echoing emailing excoriating expressing hailing hammering
        hinting informing joking knocking labeling lamenting lashing observing portraying
        posting railing rebuking recounting remembering requesting retweeting ripping scoffing
        shouting signaling speculating welcoming wondering yelling
        """
    )
)
WEAK = WEAK | frozenset(
    words(
        """
        acquiescing agreeing answering approving articulating celebrating championing
        convincing deciding determining disavowing doubting encouraging focusing framing
        ignoring interjecting invoking issuing listing naming opining opposing opting ordering
        pivoting preferring pressing projecting reacting realizing sharing signing
        sparring suing viewing wanting
        approve articulate attribute attributes celebrate champions convince decide decides
        determine disavow disavows embrace embraces encourage encourages identify identifies
        ignore ignores intend intends invoke invokes learn notices outline pivot pivots realize
        realizes nominate nominates react reacts underscore underscored underscoring knowing
        thinking detailed display displayed displaying displays imagine imagined imagining
        downplay downplayed downplaying recite recited recites reciting savage savaged savaging
        trash trashed trashes trashing veto vetoed vetoing illustrate illustrated illustrates
        herald heralded heralds understand understanding understands
        """
    )
)
STRONG = STRONG - UNRELIABLE
WEAK = WEAK - UNRELIABLE

# Verbs whose first object is the listener: "told Axios that ...", "assured voters ...".
LISTENER_VERBS = frozenset(
    words(
        """
        tell tells told telling assure assures assured assuring inform informs informed
        remind reminds reminded warn warns warned warning ask asks asked asking
        """
    )
)
# Of those, the ones whose passive subject is the one addressed, not the speaker: "Lee was told
# that C", "voters were asked whether C" (but "Lee is assured of winning" is her own view).
ADDRESSED = frozenset(words("asked told informed reminded warned"))
# Past forms that take a listener besides those: '“A,” Lee assured the crowd', '“A,” she urged
# the board'.
ADDRESSING_PASTS = frozenset(words("assured reminded warned promised urged begged implored"))

# Particles that belong to the cue: "pointed out", "called for", "lashed out at". (Extractor 1.3
# added the verb-preposition pairs that PolNeAR's train split gives to the cue at least 60% of the
# time, seen at least three times: "agrees with", "apologized for", "worried about".)
PARTICLES = {
    "point": ("out", "to", "of"),
    "points": ("out", "to"),
    "pointed": ("out", "to"),
    "pointing": ("out", "to"),
    "call": ("for", "on"),
    "calls": ("for", "on", "to"),
    "called": ("for", "on"),
    "calling": ("for", "on"),
    "rail": ("against",),
    "railed": ("against",),
    "ask": ("about",),
    "asked": ("about", "for"),
    "comment": ("on",),
    "commented": ("on",),
    "complained": ("about",),
    "refer": ("to",),
    "refers": ("to",),
    "referred": ("to",),
    "referring": ("to",),
    "talk": ("about",),
    "talked": ("about", "of"),
    "talking": ("about", "of"),
    "spoke": ("about", "of", "to"),
    "sided": ("with",),
    "pushed": ("for",),
    "pressed": ("for",),
    "focused": ("on",),
    "pushing": ("for",),
    "warned": ("of", "about", "against"),
    "warn": ("of", "about", "against"),
    "warns": ("of", "about", "against"),
    "questions": ("about",),
    "support": ("for", "of", "to"),
    "respond": ("to",),
    "favor": ("of",),
    "responded": ("to", "by", "with"),
    "mention": ("of",),
    "advocate": ("for",),
    "worried": ("about",),
    "accused": ("of",),
    "looking": ("for",),
    "reference": ("to",),
    "doubts": ("about",),
    "say": ("about",),
    "question": ("of", "about"),
    "chants": ("of",),
    "agreed": ("with", "on"),
    "aimed": ("at",),
    "worry": ("about",),
    "argued": ("for",),
    "view": ("of",),
    "believe": ("in",),
    "assured": ("of",),
    "think": ("of",),
    "agree": ("with",),
    "apologized": ("for",),
    "views": ("of", "on"),
    "boasted": ("of",),
    "hoping": ("for",),
    "wrote": ("about",),
    "praise": ("for",),
    "concluded": ("by",),
    "responding": ("to",),
    "hopes": ("of",),
    "joked": ("about",),
    "request": ("for",),
    "sparred": ("over",),
    "acquiesced": ("to",),
    "asking": ("for",),
    "cautioned": ("against",),
    "hints": ("at",),
}

# Verbs used in "..., X said." inversions and "..., said X." (journalistic speech verbs).
INVERTIBLE = frozenset(
    words(
        """
        say says said tell tells told add adds added write writes wrote note notes noted
        explain explains explained argue argues argued claim claims claimed insist insists
        insisted warn warns warned confirm confirms confirmed report reports reported state
        states stated acknowledge acknowledged admit admitted assert asserted suggest
        suggested tweet tweets tweeted declare declared predict predicted stress stressed
        emphasize emphasized recall recalled reply replied respond responded counter
        countered conclude concluded continue continued continues remark remarked comment
        commented complain complained concede conceded joke joked ask asks asked wonder
        wondered quip quipped retort retorted shout shouted yell yelled observe observed
        maintain maintained contend contended boast boasted lament lamented posted recounted
        concludes admits asserts complains concedes contends declares emphasizes jokes laments
        observes predicts quips recalls replies responds retorts shouts stresses suggests
        wonders yells boasts acknowledges questioned announced revealed chanted estimated repeated
        scoffed remembered alleges alleged think
        """
    )
)

# Auxiliaries and adverbs between subject and cue; they become part of the cue ("has also said").
CUE_MODIFIERS = frozenset(
    words(
        """
        has have had is was are were be been being will would could should may might must
        can do does did not never also later previously repeatedly publicly privately again
        then already once twice recently reportedly often frequently long since just even first
        initially further still quickly angrily flatly openly loudly specifically explicitly
        separately earlier subsequently ultimately immediately simply bluntly emphatically
        n't ’t now yet soon
        """
    )
)

# Negated auxiliaries as one token ("hasn't said"), in both apostrophes, and manner adverbs.
CUE_MODIFIERS = (
    CUE_MODIFIERS
    | frozenset(
        form.replace("'", apostrophe)
        for form in words(
            """
            hasn't haven't hadn't didn't doesn't don't won't wouldn't isn't wasn't aren't
            weren't can't couldn't shouldn't
            """
        )
        for apostrophe in "'’"
    )
    | frozenset(words("always fully clearly directly strongly sharply formally officially widely"))
)
PASSIVE_CUES = frozenset(
    words(
        """
        reported said announced alleged claimed believed understood expected thought rumored
        rumoured feared known estimated confirmed suggested argued
        """
    )
)

# Cue forms that are just as often nouns: accepted only after a name, pronoun or auxiliary.
NOUN_LIKE = frozenset(
    words(
        """
        state states tweet tweets note notes report reports attack attacks comment comments
        remark remarks claim claims question questions point points call calls support supports
        show shows promise promises praise blast blasts slam slams pledge pledges vow vows plan
        plans view views fear fears hope hopes doubt doubts estimate estimates
        counter counters reply replies joke jokes cite cites stress urge urges complaint
        complaints find finds order orders blame record records echo echoes brand brands label
        labels advocate advocates
        """
    )
)
# Words that count the noun after them: "Two questions:", "three claims" (a noun, not a cue).
COUNT_WORDS = frozenset(words("two three four five six seven eight nine ten"))

# Cues whose content is a clause ("said (that) ..."): their content runs to the end of the
# sentence. Other cues often take a noun phrase ("praised the mayor at a rally"), which ends
# at the first comma or adjunct.
CLAUSE_VERBS = frozenset(
    words(
        """
        say says said saying tell tells told telling add adds added adding believe believes
        believed think thinks thought argue argues argued arguing insist insists insisted
        insisting claim claims claimed claiming note notes noted noting warn warns warned
        warning suggest suggests suggested suggesting write writes wrote writing tweet tweets
        tweeted tweeting explain explains explained explaining acknowledge acknowledges
        acknowledged admit admits admitted assert asserts asserted contend contends contended
        predict predicts predicted report reports reported reporting announce announces
        announced announcing feel feels felt know knows knew hope hopes hoped fear fears
        feared worry worries worried estimate estimates estimated agree agrees agreed
        confirm confirms confirmed deny denies denied reveal reveals revealed revealing disclose
        discloses disclosed observe observes observed emphasize emphasizes emphasized stress
        stresses stressed show shows showed shown find finds found vowed vows pledged promised
        urged urges respond responded responding responds reply replied replies replying
        retort retorted retorts
        """
    )
)

# Words after which "according to X, C" opens a clause of its own: "Lee said that, according
# to X, C", "but according to X, C".
CONTENT_OPENERS_BEFORE_ACCORDING = frozenset(words("that but because and"))

# Verbs that give a name ("a group called Open Doors", "Obama called Lee."): with a bare name as
# their object they report nothing said. (Not "named": "most voters named Britain" choose.)
NAMING_VERBS = frozenset(words("called dubbed nicknamed titled entitled labeled labelled"))

# A crowd's reactions: a cue only with an object ("cheered the plan"), not in "as the crowd
# cheered." or "aides cheered when she won".
REACTION_VERBS = frozenset(
    words("cheer cheers cheered applaud applauds applauded laughed booed clapped chuckled")
)

# Forms of "continue", a cue only before a quotation, "that C" or "to" and a verb of saying.
CONTINUE_FORMS = frozenset(words("continue continues continued continuing"))

# A dateline opening a paragraph: "MIAMI — ", "RYE, N.H. - ", "LONDON (Reuters) — ",
# "Westhaven, March 14 - ".
DATELINE = re.compile(
    r"(?:[A-Z]{2,}(?:[ .][A-Z]{2,})*\.?(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)?(?: \([\w .]+\))?"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+)?, (?:[A-Z][a-z]{2,8}\.? \d{1,2}|[A-Z][a-z]+day))"
    r" ?(?:—|–|--|-) ?"
)

# Clause verbs of a commitment rather than a statement: "delegates who pledged to back him" names
# the delegates, it does not report them.
COMMITMENT_VERBS = frozenset(words("pledged vowed promised vows"))

# First words of a content that is a clause whatever the verb ("warned that", "vowed to").
CLAUSE_OPENERS = frozenset(words("that to whether if how why what when where who which “ \" ''"))

# Words that end a noun-phrase content: "called the plan a disgrace | in a tweet on Monday".
ADJUNCTS = frozenset(
    words(
        """
        during while amid despite because following instead yesterday today
        """
    )
)

# Words that open a clause of when or why something was said, after a noun-phrase or infinitive
# content ("endorsed the levy | after her son came out against it", "refused to speak | as she
# left"): PolNeAR leaves them out of the content.
TIME_SUBORDINATORS = frozenset(words("after when before because"))

# Irregular past forms, to tell where a sentence's opening noun phrase ends ("The minister met
# families, promising ..."); regular ones end in -ed.
IRREGULAR_PAST = frozenset(
    words(
        """
        met made took gave went came got held kept left led ran sat stood spent won lost sent
        set put hit cut brought bought began became chose drove fell fought flew grew hung
        paid rose sold shook struck swore threw wore told said thought knew saw found heard
        meant sought taught understood withdrew broke built drew forgot hid let lit oversaw
        overtook rode sang sank slept spoke stole swept swung tore undertook upheld woke wrote
        """
    )
)

# Verbs that end a clause the subject walk took in as a source: "the meeting began".
CLAUSE_FINAL_VERBS = IRREGULAR_PAST - frozenset(words("said told")) | frozenset(
    words("is are was were began begins ended ends")
)
# Prepositions that open a sentence, never a speaker: "Despite the rain, ..."
OPENING_PREPOSITIONS = frozenset(words("despite amid during after before without with from"))
# Of those, the forms that are only a simple past, never a participle: a verb wherever they
# stand ("The ad came amid signs ..."), where "sent" may open a reduced relative clause.
SIMPLE_PAST = frozenset(
    words(
        """
        took gave went came ran began became chose drove fell flew grew rose shook swore threw
        wore knew saw withdrew broke drew forgot hid oversaw overtook rode sang sank spoke stole
        tore undertook woke wrote
        """
    )
)

# Multi-word cues and the one-word cue each reads as (which decides the shape of its content: a
# clause after "stated", a noun phrase after "described"). Each was kept only when most of its
# uses in the PolNeAR training split are attributions.
PHRASE_CUES = {
    phrase: verb
    for verb, phrases in {
        "stated": """made clear|made it clear|make clear|make it clear|makes clear|makes it clear
            |making clear|making it clear|pointed out|points out|puts it|ruled out|rules out
            |rule out|struck down|ticked off|faced criticism|made a commitment|acutely aware""",
        "described": """spoke about|spoke of|spoke out against|spoke out about|spoke out
            |speaks about|speak about|talks about|talked about|talking about|talk about
            |weighed in on|weighs in on|weigh in on|touched on|touches on|opened up about
            |opens up about|took issue with|takes issue with|came out against|comes out against""",
        "criticized": """took aim at|takes aim at|taking aim at|take aim at|lashed out at
            |lashing out at|lashes out at|lash out at""",
        "countered": "pushed back on|pushed back against|shot back|fired back at|fired back",
        "responded": """return messages|return calls|return a call|return a message
            |returned messages|returned calls|returned a call|returned a message""",
        "urged": "pushed for|pushing for|push for|pushes for",
        "rejected": """distanced himself from|distanced herself from|distanced themselves from
            |distancing himself from|distancing herself from""",
        "argued": """made the case that|make the case that|making the case that|made the case for
            |make the case for|making the case for""",
        "said": """put it|issued a statement|released a statement|issued a report
            |released a report|went on to say|goes on to say|go on to say
            |quoted as saying""",
        "noted": """made no secret of|makes no secret of|made the point|made a case for
            |made the observation""",
        "supported": "voted for|voted in favor of|votes for|vote for",
        "opposed": "voted against|votes against|vote against",
        "feared": "is wary of|are wary of|was wary of|were wary of|wary of",
        "hoped": """is counting on|are counting on|was counting on|were counting on
            |counting on""",
        "dismissed": "shrugged off|shrugs off|played down|plays down|playing down",
        "claimed": "took credit for|takes credit for|taking credit for",
        "defended": "stood by|stands by|standing by|vouched for|vouching for|vouches for",
        "questioned": "raised questions about|raises questions about|raising questions about",
        # "Lee is known for blunt talk", "the plan is seen as a gamble": read like "seems"
        "seems": "known for|known as|seen as|viewed as",
        "wanted": "would like|would love|would prefer|'d like|’d like",
        "mentioned": """made no mention of|makes no mention of|made no comment on
            |made no reference to|made reference to|made mention of""",
    }.items()
    for phrase in (" ".join(p.split()) for p in phrases.split("|"))
}
# Forms of "add" ("adding to her lead" is no speech) and of "ask" (a request keeps whom it asks).
ADD_FORMS = frozenset(words("add adds added adding"))
ASK_VERBS = frozenset(words("ask asks asked asking"))
# Forms of "write" and the written works a writer makes ("wrote the introduction for a new book",
# "wrote his dissertation on ..."): a thing written, not what it says ("wrote a letter urging C").
WRITE_FORMS = frozenset(words("write writes wrote writing written"))
WRITTEN_WORKS = frozenset(
    words(
        """
        letter letters book books introduction profile profiles dissertation speech speeches
        dissent op-ed
        """
    )
)

# Plain speech verbs, after which the next sentence's quotation is usually the same speaker's.
PLAIN_SPEECH = frozenset(words("say says said saying add adds added adding tell tells told"))

# Second verbs of a compound predicate that start a new attribution: "... and said C".
COMPOUND_CUES = frozenset(
    words(
        """
        said says added adds told tells noted argued insisted warned acknowledged admitted
        stressed suggested called urged vowed promised predicted declared explained wrote
        tweeted asked claimed conceded maintained pledged questioned criticized accused
        """
    )
)

# Verbs that name something: "what Lee called “a farce”" attributes the quotation to Lee.
NAMING = frozenset(
    words("call calls called dub dubs dubbed term terms termed label labels labeled describes")
)
# Verbs of seeming: what seems so is the content, and nobody is its source; not when the verb
# is followed by a place or manner ("she appeared on television", "they appeared together").
RAISING = frozenset(words("seem seems seemed appear appears appeared"))
APPEARING_SOMEWHERE = frozenset(
    words("in on at before together alongside briefly onstage live again here there twice often")
)

# Verbs whose evidence subject may follow the content: "C, new filings show."
EVIDENCE_VERBS = frozenset(
    words("show shows showed shown find finds found suggest suggests suggested indicate indicated")
)
# "..., with new polls showing C": the participle after an evidence noun, and the words that
# end that noun phrase when read backwards from it.
EVIDENCE_PARTICIPLES = frozenset(words("showing suggesting indicating finding"))
NOT_IN_EVIDENCE_PHRASE = frozenset(words("with and but as that"))

# Participles of feeling: "Voters are worried about C" is the voters' view, not a passive.
FEELINGS = frozenset(
    words(
        """
        concerned worried pleased disappointed frustrated troubled alarmed convinced excited
        interested satisfied surprised shocked impressed encouraged dismayed angered annoyed
        outraged offended delighted thrilled horrified disturbed puzzled amazed
        """
    )
)
# "are worried about C": the preposition after a participle of feeling joins the cue.
FEELING_PARTICLES = frozenset(words("about over with at by"))
# Participles after "be" that, like the feelings, tell the subject's own mind ("Lee is assured of
# winning", "she was inclined to agree"); after any other passive the subject is no speaker.
STATES_OF_MIND = frozenset(
    words("assured focused inclined obliged determined prepared committed resigned mystified")
)

# Verbs of expressing whose object noun is part of the cue ("voiced skepticism that C").
LIGHT_VERBS = frozenset(
    words(
        """
        expressed expresses expressing voiced voices voicing offered offers offering raised
        raises raising issued aimed claiming claimed repeating repeated registered lodged
        """
    )
)

# "expressed (his) condolences over C": the noun and its preposition belong to the cue.
LIGHT_PARTICLES = frozenset(words("over about at for of to on with that against"))

# Participles that join a multi-word cue: "issued a statement saying C".
STATEMENT_PARTICIPLES = frozenset(words("saying calling urging announcing"))

# Particles that make a cue word another verb unless ``PARTICLES`` gives them to it: "voters
# showed up", "the party backed down", "the costs add up", "she signed up".
PHRASAL_PARTICLES = frozenset(words("up down back off away over"))

# Past forms without -ed that may follow a quotation: '“No,” she shot back.'
OTHER_PAST = frozenset(words("began went wrote spoke sang shot chimed drew swore threw shook read"))
# Particles after such a past form: '“No,” she shot back.', '“Yes,” he chimed in.'
QUOTE_PARTICLES = frozenset(words("out back in up off"))

# "As (first) reported by X, C": the participles, and the words between "as" and them.
AS_REPORTED = frozenset(words("reported noted revealed disclosed described"))
AS_REPORTED_ADVERBS = frozenset(words("first previously earlier was has been"))

# Verbs of charging: after "accused by X", what X accuses someone "of" is the content.
CHARGING = frozenset(
    words("accused charged blamed criticized criticised faulted condemned praised credited")
)

# Particles that join the cue when the content would start with them ("agrees with Dean",
# "boasts about his polls": PolNeAR train gives "about" to the cue 474 times, to the content 64,
# mostly amounts; "railed against the fee": 108 times to the cue, once to the content).
CUE_PARTICLES = frozenset(words("with of about against"))
# Of those, the ones that stay in the content before an amount or a bare noun (see contents).
GUARDED_PARTICLES = frozenset(words("about against"))

# Words after "about" that make it an amount, not a topic ("said about 40 jobs were cut").
ABOUT_AMOUNTS = frozenset(
    words(
        """
        half a an one two three four five six seven eight nine ten eleven twelve twenty thirty
        forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million
        billion dozen dozens third quarter
        """
    )
)

# What follows a passive cue with its reason: "was criticized for C", "is remembered as C", "was
# accused by X of C".
PASSIVE_COMPLEMENTS = frozenset(words("for as over of"))


# ---------------------------------------------------------------------------------------------
# Grammar words

# Time phrases that may sit between the subject and the cue ("Trump on Tuesday said").
WEEKDAYS = frozenset(
    words(
        """
        monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
        """
    )
)
FUNCTION_WORDS = frozenset(
    words(
        """
        the a an of to in on at for from by with about into over under and or but as that
        this these those its his her their our my your is was are were be been has have had
        will would not no than then so if
        """
    )
)
PERSONAL_PRONOUNS = frozenset(words("he she they it we i you"))
NOMINATIVE = frozenset(words("he she they we i"))
# Words whose "’s" is a contracted "is" or "has", not a possessive: "there’s", "everyone’s".
CONTRACTED_HOSTS = frozenset(words("there here everyone everybody someone somebody nobody one"))
PREPOSITIONS = frozenset(
    words(
        """
        in on at during after before while when as via through to of about from with without
        for over under amid among despite since until last this next earlier later yesterday
        today
        """
    )
)
FINITE = frozenset(
    words(
        """
        is was were are has have had will would could can should may might must shall did
        does do be been not that
        """
    )
)
BE_FORMS = frozenset(words("is was were are be been being"))
BE_OR_HAVE = BE_FORMS | frozenset(words("has have had will would could can should"))

# Before a bare verb that ends a clause: "a charge that Lee could not deny" is a relative clause.
MODALS = frozenset(words("not could would will can should may might did do does"))

# Words of ``FINITE`` that do not start a clause's verb after an aside.
NOT_AUXILIARY = frozenset(words("that not be been"))
WH_WORDS = frozenset(words("what why how where when whether which"))
WH_OR_IF = WH_WORDS | frozenset(words("if who"))
TOPIC_PREPOSITIONS = frozenset(words("about of on"))
# Cue verbs that report words only with their particle as the content's first word: "laid out
# a plan" (not "laid bare the rift", "laid low", "laid to rest") (article screening).
SPEECH_ONLY_WITH = {"laid": "out", "lays": "out", "laying": "out"}

# Participles whose passive reports no words of its subject: "Lee was pressed on the levy" (Lee
# is the listener), "the plan is intended to cut fares" (a purpose) (article screening).
PASSIVES_OF_NO_WORDS = frozenset(words("pressed intended"))

# Taking a side in an aside: "Reid, who endorsed Lee in May, said ..." (article screening).
SIDE_VERBS = frozenset(
    words(
        """
        endorse endorses endorsed endorsing support supports supported supporting back backs
        backed backing favor favors favored oppose opposes opposed challenge challenges
        challenged challenging
        """
    )
)
# After a noun cue and a name's possessive: "Lee's attacks on the mayor" (non_claims)
STANCE_PREPOSITIONS = frozenset(words("on of about against with"))
# ... but not after a noun that reports what was said: "North Korea's claims about its test".
CLAIM_NOUNS = frozenset(
    words("claim claims allegation allegations accusation accusations assertion assertions")
)
DETERMINERS = frozenset(
    words("the a an his her their its our this that these those some many several two three")
)
SUBORDINATORS = frozenset(words("after before while when although though as once since if"))

# Subordinators that open a clause before the main one: "Although Lee planned C, ...".
FRONTED_SUBORDINATORS = frozenset(
    words("although though while since when whenever if after before because until once whereas")
)
# Words that may stand before such a subordinator: "Just when C, ...", "Even though Lee said C".
SUBORDINATOR_INTENSIFIERS = frozenset(words("just only even"))
# Words that open a phrase of time or place before a main clause ("Soon after the vote, ...").
OPENING_WORDS = (
    FRONTED_SUBORDINATORS
    | OPENING_PREPOSITIONS
    | frozenset(words("soon in on at during as following amid upon"))
)
CONCESSIVES = frozenset(words("although though while but because"))
REFLEXIVES = frozenset(words("himself herself itself themselves ourselves myself yourself"))

# Words ending in -ly that are nouns, not adverbs, before a verb ("the family said").
LY_NOUNS = frozenset(
    words("family ally rally assembly supply italy daily july bully anomaly tally reply folly")
)

# Words after which an -s form is a verb: "this makes", "she also lacks", "everyone knows".
S_VERB_SUBJECTS = frozenset(
    words("this that it there he she everyone nobody someone everybody also still now never")
)


# ---------------------------------------------------------------------------------------------
# Time

TIME_WORDS = WEEKDAYS | frozenset(words("last this earlier yesterday today"))
TIME_NOUNS = frozenset(
    words(
        """
        week weekend month year morning afternoon evening night spring summer fall autumn
        winter monday tuesday wednesday thursday friday saturday sunday
        """
    )
)
MONTH_NAMES = frozenset(
    words(
        """
        january february march april may june july august september october november december
        jan feb mar apr jun jul aug sep sept oct nov dec
        """
    )
)

# Phrases the subject walk may leave as a source that cannot speak: adverbial phrases ("U.S.
# officials have, in fact, praised"), days and months ("Wednesday added one more twist").
NOT_SPEAKERS = frozenset(
    [
        "in fact", "of course", "at least", "in turn", "in part", "for example", "for instance",
        "in addition", "in particular", "at first", "in short", "by contrast", "in contrast",
        "at last", "at times", "in general", "so far", "for now",
    ]
) | WEEKDAYS | MONTH_NAMES  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Punctuation

# Double quotation marks as tokens ('' is two apostrophes used as one), and opening marks.
QUOTE_TOKENS = frozenset(["“", "”", '"', "''"])
OPEN_QUOTES = '“"'
# Marks that end a headline's content, a clause before a content, a subject's aside, a clause.
HEADLINE_BREAKS = frozenset(words(", ; : - – —"))
CLAUSE_BREAKS = frozenset(["-", "—", "–", ";", ":"])
CLAUSE_MARKS = frozenset([",", ";", "—", "–", "-"])
CLAUSE_END_MARKS = frozenset([",", ";", ":", "—", "–"])

# What may follow a cue at the end of a relative clause: "a tax, which Lee opposed."
CLAUSE_END = frozenset([",", ".", ";", "—", "–", "!", "?"])


# ---------------------------------------------------------------------------------------------
# Nouns that report, and the nouns around a cue

# Nouns that report what someone said, wants or believes, after a possessive: "Lee's claim
# that ...", "her call for ...", "their support for ...". The words after them that belong to
# the cue (prepositions) or open the content ("that", "to").
NOUN_CUES = frozenset(
    words(
        """
        claim claims assertion allegation allegations accusation accusations suggestion call
        calls demand demands promise promises pledge pledges warning warnings argument
        insistence belief beliefs view views decision refusal plan plans proposal proposals
        criticism criticisms attack attacks support opposition endorsement statement
        statements hope hopes fear fears concern concerns push vow vows threat threats
        """
    )
)
NOUN_CUE_PARTICLES = frozenset(words("of for on against about with"))

# Nouns whose "that" clause says what someone claims, fears or promises ("complaints that C").
THAT_NOUNS = frozenset(
    words(
        """
        complaints complaint claim claims allegation allegations speculation rumors rumor idea
        notion assertion assertions suggestion suggestions argument arguments belief beliefs
        fears fear concern concerns charge charges accusation accusations warning warnings
        assurance assurances promise promises pledge statement insistence view hope hopes
        suspicion suspicions doubts evidence reports word assumption sense impression
        perception admission acknowledgment announcement confirmation denial message reminder
        contention recognition
        """
    )
)
THAT_NOUN_MODIFIERS = frozenset(
    words("the a an persistent growing new renewed repeated widespread")
)
# Between a possessor and its stance noun: "the campaign's earlier claim that C".
POSSESSED_NOUN_MODIFIERS = frozenset(words("earlier latest own initial original previous recent"))

# Between a verb and the noun of a stance it takes: "has not made a decision on whether C",
# "bristled at the suggestion that C", "backed away from a suggestion that C".
STANCE_MODIFIERS = THAT_NOUN_MODIFIERS | DETERMINERS
STANCE_PARTICLES = (PREPOSITIONS - TIME_WORDS) | PHRASAL_PARTICLES
# Kinds of source that hold a view of their own (not a document or a thing).
VIEW_HOLDER_KINDS = frozenset(words("person group organisation government media anonymous"))

# Words before a noun (not a subject before a verb): "despite complaints that C".
NOUN_CONTEXT = (
    THAT_NOUN_MODIFIERS
    | PREPOSITIONS
    | frozenset(
        words("this these those some any no his her their its our my were was are is be been")
    )
)

# Cue words that start a compound noun or a credit line, not an attribution.
STATEMENT_NOUNS = frozenset(
    words(
        """
        answer response reply point impression advice takeaway goal strategy contention bet
        analysis expectation assumption message position slogan theory case pitch intent
        intention wish idea sense feeling guess prediction verdict conclusion assessment
        reaction instinct hunch motto mantra line refrain phrase point points challenge fight
        job priority aim mission hope fear worry
        """
    )
)
OPINION_NOUNS = frozenset(words("view opinion estimation judgment assessment words telling mind"))

# Before "whether" after a noun: "questions about whether C", "a debate over whether C".
WHETHER_AFTER = frozenset(words("about of on over"))

# Documents and evidence that "show", "find" or "suggest" things ("the new poll shows ...").
EVIDENCE_NOUNS = frozenset(
    words(
        """
        poll polls polling survey surveys study studies analysis analyses data report reports
        review audit research evidence figures numbers results records document documents
        video footage memo letter filing filings census estimate estimates investigation
        average averages tally count statistics
        """
    )
)

# The nouns of a poll that a clause ends "in" ("Lee leads in the latest poll"), and the words
# after which that clause starts ("where he leads in the polls").
POLL_NOUNS = frozenset(words("poll polls survey surveys"))
POLL_CLAUSE_OPENERS = frozenset(
    words("where when as while although though because since that and but if")
)

# Lower-case words inside a title ("Fox and Friends", "Face the Nation").
TITLE_SMALL_WORDS = frozenset(words("and of the a an with for on in to at"))

# Nouns after which a cue participle is an adjective, not a verb: "pledged delegates" (election
# jargon that produced almost only wrong attributions on the training split), "the policy
# planning director".
PARTICIPLE_ADJECTIVE_NOUNS = frozenset(
    words("delegate delegates director directors committee commission board")
)
# A cue word and the next word that make a compound noun or a credit line, not a cue.
COMPOUND_NOUNS = frozenset(
    [
        ("think", "tank"),
        ("think", "tanks"),
        ("talk", "show"),
        ("call", "center"),
        ("reporting", "by"),
    ]
)
# Where something was said: "on Twitter", "in a televised interview", "during a briefing".
MEDIA_NAMES = frozenset(words("twitter facebook instagram cnn msnbc fox"))
MEDIA_MODIFIERS = frozenset(
    words(
        """
        a an the his her their its recent separate televised radio phone telephone written joint
        campaign news press
        """
    )
)
MEDIA_NOUNS = frozenset(
    words(
        """
        interview interviews statement statements speech speeches tweet tweets post posts
        email emails letter letters ruling op-ed column editorial appearance remarks rally
        debate briefing conference memo filing video ad op ed radio television
        """
    )
)


# ---------------------------------------------------------------------------------------------
# Subjects and speakers

# Tokens that end a subject when walking backwards from the cue.
SUBJECT_STOPS = frozenset(
    words(
        """
        that because as when while if after before since although though where whereas but
        so whether than unless until whom whose why ; : — – ( ) [ ] “ ” " ‘ ’
        """
    )
)

# After these the cue is not a speech act: "a group called X", "was asked to".
NOT_SUBJECT_LAST = FUNCTION_WORDS | frozenset(words("who which what there here"))
SUBJECT_OPENERS = frozenset(words(", and but so then also yet meanwhile later now"))

# Words that open a second noun phrase right after a noun, the subject of a relative clause
# without "that": "a pledge | her opponents said ...", "a charge | the company denies".
SECOND_SUBJECT_OPENERS = frozenset(words("the his her their its our my"))

# Adverbs that end a subject but are no part of its source: "She also said", "Trump,
# meanwhile, said", "He then outlined".
SOURCE_TRAILERS = frozenset(
    words("also then only meanwhile however too though still now again first later even already")
)
# Auxiliaries that make a verb of a capitalised word too ("Does the party agree", "WAS").
CLAUSE_AUXILIARIES = frozenset(words("does did do is was were are has have had"))
# Prepositions that open an adjunct, never part of a subject ("despite his lead and ...").
ADJUNCT_PREPOSITIONS = frozenset(words("despite with without amid after before during until"))
# In a title-case headline: adverbs after a speaker ("Trump Just Responded") and common verbs
# that betray a clause, not a speaker ("Huckabee Makes Sexist Wife Joke").
HEADLINE_ADVERBS = SOURCE_TRAILERS | frozenset(
    words(
        """
        just once finally reportedly really fully resoundingly quietly officially suddenly
        publicly formally openly privately secretly never
        """
    )
)
HEADLINE_NEGATED = frozenset(words("isn’t isn't wasn’t wasn't doesn’t doesn't didn’t didn't"))
HEADLINE_VERBS = frozenset(words("got gets makes made compares elects steps heard"))
PAST_LIKE_PRESENT = frozenset(words("let put set cut hit read hurt cost quit spread bet"))
# Marks that are never part of a source at its edges (left by an embed, an aside's comma or dash).
SOURCE_EDGE_MARKS = frozenset(">|•*~,;-—–")
# Adverbs inside a verb group: "has not always been operating under the assumption that C".
VERB_GROUP_ADVERBS = SOURCE_TRAILERS | frozenset(words("never always repeatedly not"))

# Words after a comma or dash after a speaker that open a clause about them, no part of the
# source: "Merkel, who has ...", "Lee -- whose husband ...", "Lee, asked about it,",
# "Lee, when contacted", "Lee, without naming him".
SOURCE_CLAUSE_OPENERS = frozenset(words("when asked without while"))

# Words after a comma or dash in a subject that open an aside, not part of the name.
SUBJECT_ASIDES = frozenset(words("still however clad in for at on by meanwhile though"))
# An aside that names members of the subject, which PolNeAR keeps in the source: "Some
# lawmakers, including Jo Lee, said".
MEMBER_OPENERS = frozenset(["including"])
LEADING_CONNECTIVES = frozenset(
    words(
        """
        and but so then meanwhile also yet , now later earlier still instead however
        separately indeed previously afterwards afterward moreover
        """
    )
)

# Words that may open the subject of a weak cue besides names and pronouns: "his aides say",
# "both parties oppose", "former officials believe", "about half of voters want".
NOMINAL_OPENERS = frozenset(
    words(
        """
        the a an some many most officials his her their its our my your one both all other
        others half few several two three four five six seven eight nine ten former any
        every each about nearly almost roughly more fewer
        """
    )
)

# Plural nouns that are typical subjects of a cue in lower case ("officials say").
PLURAL_SUBJECTS = frozenset(
    words(
        """
        officials sources aides people voters experts critics analysts economists advisers
        advisors democrats republicans supporters opponents leaders lawmakers members residents
        polls surveys studies data figures documents records reports authorities police
        prosecutors investigators scientists researchers observers who that which
        """
    )
)

# Relative pronouns: a subject's relative clause may hold verbs ("people who have battled X").
RELATIVE_PRONOUNS = frozenset(words("who whom whose which that"))

# Words that open the object or adjunct of a verb, so that a past form before them is a verb
# ("spent much of", "sent him"), not an adjective before a noun ("registered voters").
OBJECT_OPENERS = frozenset(
    words("him her them us me it much little out up off down back more less no all")
)

# Lower-case words that may open an inverted source: "..., said several observers."
QUANTIFIERS = frozenset(words("several many some most other two three four both senior top former"))

# Pronouns that head a relative clause in a subject: "those who have ... say".
WHO_HEADS = frozenset(words("those anyone everyone someone all many some others"))
APPOSITION_OPENERS = frozenset(words("who whose a an the"))
NAME_LEADS = frozenset(["-", "—", "–", ",", "from", "by"])
LISTENER_WORDS = frozenset(
    words(
        """
        me him her them us you reporters journalists supporters voters crowds crowd audience
        lawmakers members senators delegates donors interviewers viewers listeners
        """
    )
)
CLAUSE_SUBJECT_OPENERS = frozenset(words("the a an his her their its most many another both some"))
NOT_HEADLINE_SOURCE = frozenset(
    words(
        """
        update updated note editor’s editor's watch read related photo video live breaking q a
        answer question email e-mail contributing byline correction corrections twitter paid
        plus look revealed credit credits latest exclusive name wow boom bombshell remember so
        leaked stat image images picture pictures photos caption listen
        """
    )
)

# After a noun-like cue these make it a verb: "notes that", "the candidate claims his ...".
VERB_AFTER = frozenset(words("that his her their its"))


# ---------------------------------------------------------------------------------------------
# Where a content starts and ends

# Words that, after a comma, start the reporter's own clause: "said A, but B", "..., after B".
CONTRAST_OPENERS = frozenset(
    words("but while which then as despite after though although whereas unlike compared")
)

# Words after an inverted cue that start an adjunct, not a clause: "..., Lee told a briefing near
# the end of the day."
TAIL_ADVERBS = frozenset(
    words(
        """
        near outside inside ahead across following alongside shortly recently afterward
        afterwards again repeatedly once then too also
        """
    )
)

# Prepositions that open an adjunct of the verb, not a content ("reported from Los Angeles").
ADJUNCT_OPENERS = frozenset(words("from on at in after during until since before"))
# A clause of time or reason after a verb ("sued after the city failed to answer"); not "when"
# or "if", which may open what was asked ("asked if C", "remembered when C").
ADVERBIAL_SUBORDINATORS = frozenset(
    words("after because since until although though whereas while")
)
DURATION_WORDS = frozenset(
    words(
        """
        long moment while decades decade years year months month weeks week days day hours hour
        minutes ages
        """
    )
)

# First words of an opening phrase that is no content: "During the service, Lee asked ..."
INTRO_WORDS = PREPOSITIONS | frozenset(
    words("during regarding after before when while despite amid since as")
)

# A content that is only one of these words is an adjunct or a leftover, not what was said.
NO_CONTENT_WORDS = WEEKDAYS | frozenset(
    words("that but on here there today yesterday tonight again too")
)

# Words after "in a statement" that carry the content on ("in a statement that ...").
GOES_ON = frozenset(words("that when about by of saying calling"))

# "-ing" words after a comma that go on with the noun phrase or clause before it.
NP_PARTICIPLES = frozenset(words("including according"))

# Finite verbs that open a second predicate of the speaker after an infinitive content
# ("declined to be named | and is not on the staff")
SECOND_PREDICATE_FINITE = frozenset(words("is was are were has had does did"))
RELATIVE_MARKS = frozenset(["who", "which", "that", "whom", ","])

# Words that open the question after "Asked (at a briefing) ...".
QUESTION_OPENERS = frozenset(words("about whether if how why what who when where which to for on"))

# Words that lead into the clause around "reportedly" without belonging to it.
REPORTEDLY_LEADS = SUBORDINATORS | frozenset(words("with because"))

# Tokens before a participle cue whose subject is the sentence's: ", saying", "by saying".
PARTICIPLE_OPENERS = frozenset([",", "—", "–", "-", "by"])

# Subordinators before a participle cue: "after blasting X, Lee ...", "..., while saying C".
PARTICIPLE_SUBORDINATORS = frozenset(words("after while before when in without since upon"))


# ---------------------------------------------------------------------------------------------
# What is no claim to check

# A refusal to answer: contents that open so ("declined | to comment"), and, after a cue of not
# answering ("did not respond to"), the request in the content ("a request for comment").
REFUSAL_CONTENTS = (
    "to comment",
    "comment",
    "to respond",
    "to elaborate",
    "to be interviewed",
    "to discuss the matter",
    "to discuss the case",
    "requests for comment",
    "a request for comment",
    "repeated requests for comment",
    "multiple requests for comment",
    "messages seeking comment",
    "a message seeking comment",
)
UNANSWERED_CUES = frozenset(words("respond responded reply replied return returned declined"))
REQUESTS_FOR_COMMENT = ("for comment", "to comment", "for an interview", "seeking comment")
# Contents that are only a pronoun: "opposed it", "a tax, which Lee opposed", "praised him".
PRONOUN_CONTENTS = frozenset(
    words("it which him her them this that these those me us you he she they we who whom what")
)


# ---------------------------------------------------------------------------------------------
# Sentence ends

# Words that end with a period but do not end a sentence (compared lower case, without the dot).
# The newspaper abbreviations of the states: "Dover, Del.", "Austin, Tex.".
STATE_ABBREVIATIONS = frozenset(
    words(
        """
        ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
        mont neb nev okla ore pa tenn tex va vt wash wis wyo
        """
    )
)
ABBREVIATIONS = STATE_ABBREVIATIONS | frozenset(
    words(
        """
        mr mrs ms dr prof sen rep gov gen lt col maj capt sgt adm cmdr cpl pvt st ste mt ft
        jr sr rev hon pres supt det insp atty messrs mme mlle jan feb mar apr jun jul aug
        sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun inc corp co ltd llc
        plc bros dept univ assn est approx vs etc al fig no nos vol pp p ave blvd rd hwy
        """
    )
)

# Abbreviations that come before a name, never at a sentence's end.
TITLE_ABBREVIATIONS = frozenset(
    words(
        """
        mr mrs ms dr prof sen rep gov gen lt col maj capt sgt adm cmdr cpl pvt st ste mt ft rev
        hon pres supt det insp atty messrs mme mlle no nos vol pp p fig al vs
        """
    )
)

# After a dotted abbreviation such as "U.S." a sentence usually continues ("U.S. officials");
# it ends only when the next word is a typical sentence opener.
SENTENCE_OPENERS = frozenset(
    words(
        """
        the a an he she it they we i you this that these those there but and in on at for if
        when while after before his her their its our my some many most one two however
        still yet so then meanwhile also no not as officials mr mrs ms
        """
    )
)


# ---------------------------------------------------------------------------------------------
# Source names and kinds

PERSON_PRONOUNS = frozenset(words("he she him her i we"))

THING_PRONOUNS = frozenset(words("it they"))

# Pronouns by what they can stand for: a man, a woman, a group or organisation, one thing.
MALE_PRONOUNS = frozenset(words("he him his himself"))
FEMALE_PRONOUNS = frozenset(words("she her hers herself"))
PLURAL_PRONOUNS = frozenset(words("they them their theirs themselves"))
NEUTER_PRONOUNS = frozenset(words("it its itself"))
FIRST_PERSON = frozenset(words("i we me us my our"))

# Words after a capitalised opening that show it is no subject: "Trump and Cruz", "Contrary to".
NOT_AFTER_SUBJECT = frozenset(words("and or of to s ’s 's"))

# A possessive pronoun and the subject pronoun it agrees with: "He pressed his attack" (the
# clause's subject is the source of "his attack").
POSSESSIVE_SUBJECTS = {"his": "he", "her": "she", "their": "they", "its": "it"}

# Words that introduce a person's role, stripped to get a name: "US President Donald Trump".
ROLE_WORDS = frozenset(
    words(
        """
        president vice prime minister secretary senator sen rep representative gov governor
        mayor chancellor king queen prince princess pope judge justice gen general adm councillor
        councilor alderman comptroller auditor treasurer clerk inspector manager member trustee
        superintendent editor publisher
        admiral col colonel lt capt captain sgt dr mr mrs ms miss prof professor rev sir
        dame lord lady ambassador envoy spokesman spokeswoman spokesperson chairman
        chairwoman chair director ceo chief leader speaker commissioner attorney candidate
        nominee congressman congresswoman councilman councilwoman sheriff officer agent aide
        adviser advisor analyst economist founder former acting deputy special first lady
        minority majority whip house senate republican democratic democrat gop presidential
        candidate frontrunner
        """
    )
)
# Roles that only a person has, in an apposition ("Jo Lee, a lawyer for the city,"): evidence
# that a name is a person's.
PERSON_ROLES = ROLE_WORDS - frozenset(words("house senate republican democratic democrat gop"))
PERSON_ROLES = PERSON_ROLES | frozenset(
    words(
        """
        lawyer attorney businessman businesswoman executive owner partner worker student
        teacher doctor nurse resident voter farmer activist author writer historian professor
        researcher scientist consultant strategist pollster lobbyist donor veteran official
        actor actress singer mother father son daughter wife husband brother sister widow
        man woman boy girl narrator host moderator witness organizer organiser protester
        supporter friend neighbour neighbor tycoon mogul billionaire developer pastor priest
        rabbi imam neurosurgeon surgeon physician economist analyst expert star comedian
        rapper musician director producer founder investor banker trader landlord tenant
        """
    )
)
# Singular nouns for a person that can be the subject of a cue in -s that is also a noun ("the
# governor hopes C", not "the presidential hopes"): the person roles without the adjectives.
PERSON_SUBJECT_NOUNS = PERSON_ROLES - frozenset(
    words("former acting deputy special first minority majority presidential vice prime chief")
)
# Plural nouns for people who speak together: a source headed by one of them is a group
# ("her opponents on the city council", "Senate Democrats", "some residents"), not a person.
GROUP_NOUNS = frozenset(
    words(
        """
        critics opponents supporters backers allies rivals residents voters citizens neighbours
        neighbors parents families people protesters protestors demonstrators activists
        campaigners advocates analysts economists experts scientists researchers observers
        investors traders lawmakers legislators senators councillors councilors members
        delegates democrats republicans conservatives liberals progressives moderates
        independents leaders workers employees staff students teachers doctors nurses farmers
        drivers riders passengers customers shoppers owners landlords tenants patients veterans
        survivors victims witnesses fans players officers detectives prosecutors lawyers
        attorneys judges historians donors organizers organisers executives shareholders
        crowd audience panel community attendees couple crowds audiences panels communities
        jury juries jurors
        """
    )
) | frozenset(role + "s" for role in PERSON_ROLES if not role.endswith(("s", "man", "woman")))
# Gender from a title or a role: "Mr.", "spokeswoman", "his wife".
MALE_TITLES = frozenset(
    words(
        """
        mr sir lord king prince spokesman chairman congressman councilman businessman
        father son husband brother actor uncle grandfather
        """
    )
)
FEMALE_TITLES = frozenset(
    words(
        """
        mrs ms miss madam dame lady queen princess spokeswoman chairwoman congresswoman
        councilwoman businesswoman mother daughter wife sister widow actress aunt grandmother
        """
    )
)
# Common first names in English-language news, by the gender they are mostly given to.
# Places a capitalised run may name, never a person a pronoun stands for ("New Hampshire", "Puerto
# Rico"): the states of the United States and a few territories (not those that are also names of
# people: Washington, Virginia).
PLACE_NAMES = frozenset(
    words(
        """
    alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
    pennsylvania tennessee texas utah vermont wisconsin wyoming
    """
    )
) | frozenset(
    (
        "new hampshire",
        "new jersey",
        "new mexico",
        "new york",
        "north carolina",
        "north dakota",
        "rhode island",
        "south carolina",
        "south dakota",
        "west virginia",
        "puerto rico",
        "district of columbia",
        "guam",
    )
)
# Words that, capitalised, open a sentence or a clause and are no part of a person's name ("It",
# "And", "One", "May", "See", "Are").
NOT_NAME_WORDS = frozenset(words("one may see are were is was do does did can could shall"))

# Last words that make a capitalised run a place, an event or a programme, not a person, so that
# no pronoun resolves to it ("Fairfax County", "the United States", "World War II"); not those
# that are also surnames (Park, Hill, Hall, Day, Street, Lake).
NOT_PERSON_NAME_ENDINGS = frozenset(
    words(
        """
        states county counties district america war avenue road boulevard island islands valley
        river mountains heights kingdom coast airport stadium arena forum summit convention caucus
        caucuses primary project program programme plaza bridge tunnel highway freeway motorway
        dam canal harbour harbor university college school academy hospital clinic museum library
        """
    )
)
MALE_FIRST_NAMES = frozenset(
    words(
        """
        aaron adam alan albert alex alexander andrew anthony antonio barack ben benjamin bernie bill
        bob bobby boris brad brian bruce carl carlos charles charlie chris christopher chuck colin
        craig dan daniel dave david dennis dick donald doug douglas ed edward emmanuel eric frank
        fred gary george gerald greg gregory harry henry ian jack jacob jake james jared jason jeb
        jeff jeffrey jeremy jerry jim jimmy joe joel john johnny jon jonathan jose joseph josh juan
        justin keith ken kevin kirill larry louis luis marco mark martin matt matthew michael mike
        mitch mitt nathan neil nick nicholas noah olaf oscar oskar patrick paul pete peter phil
        philip ralph randy ray reince richard rick rob robert roger ron ronald rudy russell ryan sam
        samuel scott sean sergei stephen steve steven ted terry thomas tim timothy timur tom tony
        vladimir volodymyr walter william xi abe abraham ahmed al alberto alejandro alfred ali allen
        andre andy angelo angus anton archie arnold arthur barney barry bart benny bernard bert
        billy brendan brett bryan bud byron cal calvin cameron carter cecil chad clarence clark
        claude clay clayton cliff clifford clint clyde cody conrad cory curt curtis dale damian
        damon danny darrell darren dean derek desmond dmitry dominic don donnie duane dustin dwayne
        dwight earl eddie edgar eduardo edwin eli elijah elliot elliott elmer emil enrique ernest
        ernie ethan eugene evan felix fernando floyd francis francisco franklin freddie gabriel gene
        geoff geoffrey gerard gilbert glen glenn gordon graham grant gus guy hal hank hans harold
        harvey hector herbert herman homer howard hugh hugo ibrahim igor irving isaac ivan jamal
        javier jay jeffery jerome jesse jesus joaquin joey johan jorge josé joshua julian julius
        karl kenneth kurt lamar lance lawrence leo leon leonard leroy lester lewis lloyd lonnie lou
        lowell lucas luke lyndon malcolm manuel marcus mario marvin max maxwell melvin merrick micah
        miguel miles milton mohammed muhammad murray nate ned nelson newt nigel norman omar orrin
        otto owen pablo pedro percy perry pierre preston quentin rafael ramon randall raul reggie
        reginald rex ricardo rich ricky rocco rod roderick rodney roland roman ross roy ruben rufus
        rupert salvador saul seth shane shawn sheldon sherrod sidney simon spencer stan stanley
        stuart sylvester teddy theodore todd tommy travis trent trey troy tyler vernon vic victor
        vincent wade wallace warren wayne wesley wilbur will willard willie wilson winston xavier
        zach zachary
        """
    )
)
FEMALE_FIRST_NAMES = frozenset(
    words(
        """
        abigail alexandra alice alicia amanda amy andrea angela ann anna anne barbara betsy betty
        beth carly carol caroline catherine chelsea christine claire cynthia deborah debbie diane
        donna elizabeth ellen emily emma erin eva grace hannah heather helen hillary ivanka jane
        janet jennifer jessica jill joan joanne joni judith judy julia julie karen kate katherine
        kathleen kathy kelly kellyanne kimberly kirsten kristen laura lauren linda lisa liz lori
        lucy lynn margaret maria marie marilyn martha mary megan melania melissa michelle monica
        nancy natalie nicole nikki olga olivia pam pamela patricia paula rachel rebecca rosa ruth
        sandra sara sarah sharon shelley stephanie susan suzanne teresa theresa ursula valerie
        victoria virginia wendy yulia ada adele adriana agnes aida aileen alexis alison allison alma
        amber amelia ana angelina angie anita annette antoinette april arlene audrey ava becky
        belinda bernadette bethany beverly bonnie brenda bridget brigid brittany brooke camille
        candace carla carmen carolyn cassandra cecilia charlene charlotte cheryl christina cindy
        clara claudia colleen connie constance crystal daisy daniela danielle darlene dawn deanna
        debra delores denise diana dolores dora doris dorothy edith eileen elaine eleanor elena
        elise eliza ella eloise elsa elsie emilia erica erika esther ethel eugenia evelyn faith
        felicia fiona frances francesca geraldine gina ginger gladys gloria gwen gwendolyn harriet
        hazel heidi helena hilda holly ida ilhan ingrid irene iris isabel isabella jacqueline janice
        jeanne jeannie jenna jenny joanna jocelyn josephine joy joyce juanita june justine kamala
        kara katie katrina kay kayla keisha kristin kristina leah lena lillian lily lois loretta
        lorraine louise lucia lydia mabel madeleine madeline mae maggie mandy marcia margarita
        marian marianne marina marjorie marla marsha maureen maxine meg mildred miriam molly muriel
        myra nadia naomi nell nina nora norma paige patsy peggy penny phyllis priscilla rhonda rita
        roberta rosalind rose rosemary roxanne sabrina sally samantha selena shannon shauna sheila
        sherry shirley silvia sofia sonia sophia sophie stacy stella sue sylvia tamara tammy tanya
        tara tatiana tiffany tina tracy trudy tulsi valentina vanessa vera veronica vicki vivian
        wanda yolanda yvonne zoe
        """
    )
)
# Nouns that, as the head of a source or of its apposition, make it a document, an outlet, a
# government body or an organisation; names and name endings of outlets and government bodies.
DOCUMENT_NOUNS = frozenset(
    words(
        """
        report reports study studies survey surveys poll polls document documents statement
        memo memos letter letters data record records filing filings analysis ad ads advert
        video book email emails tweet tweets post transcript complaint indictment lawsuit
        ruling order bill law review audit figures estimate estimates census release website
        page footage article column chart map investigation minutes affidavit statistics proposal
        proposals forecast forecasts projections findings suit suits petition
        petitions summary inquiry clip
        """
    )
)
MEDIA_NOUNS_OF_SOURCES = frozenset(
    words(
        """
        outlet newspaper paper broadcaster magazine network tabloid channel website reporter
        reporters journalist journalists correspondent columnist editorial daily media
        """
    )
)
MEDIA_OUTLETS = frozenset(
    words(
        """
        axios reuters ap afp bloomberg cnn msnbc fox nbc cbs abc bbc npr pbs politico
        breitbart guardian telegraph economist newsweek bild tass interfax xinhua rt sputnik
        kommersant izvestia vedomosti spiegel buzzfeed huffpost vox slate salon yahoo
        """
    )
)
MEDIA_OUTLET_PHRASES = (
    "associated press",
    "agence france-presse",
    "fox news",
    "the hill",
    "ria novosti",
    "al jazeera",
    "le monde",
    "der spiegel",
    "huffington post",
    "daily beast",
    "washington examiner",
    "mother jones",
    "national review",
    "new yorker",
    "the atlantic",
)
MEDIA_NAME_ENDINGS = frozenset(
    words("times post journal tribune guardian telegraph herald gazette observer daily news")
)
GOVERNMENT_NOUNS = frozenset(
    words(
        """
        ministry department government administration embassy police military army navy
        agency bureau court council cabinet prosecutor prosecutors commission authorities
        authority office regulator regulators treasury inspectorate tribunal parliament
        congress senate legislature duma rada kremlin pentagon
        """
    )
)
GOVERNMENT_PHRASES = (
    "white house",
    "downing street",
    "city hall",
    "federal reserve",
    "foreign office",
    "state department",
    "justice department",
)
GOVERNMENT_ACRONYMS = frozenset(words("fbi cia nsa doj dhs irs sec fed"))
ORGANISATION_SUFFIXES = frozenset(
    words("inc corp corporation co ltd llc plc gmbh ag sa lp llp group holdings")
)
ORGANISATION_NOUNS = frozenset(
    words(
        """
        company companies firm firms party campaign committee union association foundation
        institute university organization organisation center centre pac club bank team
        fund coalition movement league society charity nonprofit group lab laboratory maker board
        manufacturer retailer airline insurer lender chain startup conglomerate network
        utility chamber
        """
    )
)
# Last words of a company's name: "Tanner Freight", "Northgate Capital", "Coldwater Securities".
ORGANISATION_NAME_ENDINGS = frozenset(
    words(
        """
        freight logistics capital securities holdings partners systems industries airlines
        airways motors energy pharmaceuticals foods labs technologies ventures investments
        properties resources services solutions enterprises international haulage shipping
        insurance trust bancorp brands communications terminals
        """
    )
)
ORGANISATION_ACRONYMS = frozenset(words("nato un eu opec who imf wto aclu nra naacp"))
# Heads of a source that stand for something named before it: "the outlet" for Axios.
BACK_REFERENCES = {
    "media": frozenset(words("outlet newspaper paper network broadcaster agency magazine")),
    "organisation": frozenset(words("company firm group campaign organization organisation")),
    "government": frozenset(words("ministry department agency government administration")),
    "document": DOCUMENT_NOUNS,
}

# Anonymous sources: modifiers, then the noun ("two senior administration officials"), and the
# phrases that say a source is not named ("familiar with", "on condition of anonymity").
ANONYMOUS_MODIFIERS = frozenset(
    words(
        """
        some several many two three four five other senior top unnamed anonymous current former
        western foreign u.s. us american european russian ukrainian chinese israeli iranian
        administration government intelligence military defense security law enforcement the a
        an one another
        """
    )
)
ANONYMOUS_NOUNS = frozenset(
    words(
        """
        official officials source sources aide aides people person insider insiders diplomat
        diplomats analyst analysts observer observers expert experts critic critics officer
        officers staffer staffers adviser advisers advisor advisors witnesses residents
        spokesman spokeswoman spokesperson someone individual individuals
        """
    )
)
ANONYMOUS_HINTS = (
    "familiar with",
    "who spoke",
    "who asked",
    "who requested",
    "who declined",
    "on condition of anonymity",
    "not authorized",
    "not authorised",
    "unnamed",
    "anonymous",
)
# First words of an anonymous source even before a name: "the officials", "several senior aides".
NAME_DETERMINERS = frozenset(words("the a an this that these those his her their its our one"))
ANONYMOUS_OPENERS = NAME_DETERMINERS | frozenset(words("some several many senior"))

# Capitalised only because they open a sentence: "Later Lindqvist said".
# Capitalised at a sentence's start before a name, but no part of it ("Never Trump", "Both Bolton").
NAME_OPENERS_NOT_NAMES = frozenset(
    words(
        "never both suddenly despite though because had even beyond against amid among hold whether"
    )
)

SENTENCE_CAPITALS = frozenset(
    words(
        """
        later earlier then but and so yet still meanwhile however also now when while after
        before in on at as if the a an this that these those there here his her their its
        our my we i he she they it what why how who where today yesterday last next
        according since asked
        """
    )
)
# Lower-case particles inside a name ("Ursula von der Leyen"), never at its start or end.
NAME_PARTICLES = frozenset(words("de van von der al bin da del la le di du dos ibn"))
