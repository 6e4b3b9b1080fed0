// ウィジェット自身のことば（日本語、<giftsim-calculator>）。基準は ./en.js。
export default {
  // ウィジェットの起動中
  'widget.loading': 'ギフト計算ツールを読み込んでいます…',
  'widget.failed': 'ギフト計算ツールを起動できませんでした：{reason}。',

  // iframe
  'widget.frame.title': 'ギフト費用の計算ツール',

  // かんたんな質問
  'widget.title': 'ギフトの本当の値段はいくら？',
  'widget.field.gift': 'ギフト',
  'widget.field.count': '個数',
  'widget.field.coins': '{coins}の数',
  'widget.field.card': '購入場所',
  'widget.gift.option': '{gift}（{coins}）',
  'widget.gift.not_on_card': '{gift}（この料金表にはありません）',
  'widget.answer.fix': '印の付いた欄を直すと、金額が表示されます。',
  'widget.answer.you_pay': '支払う金額',
  'widget.answer.for_gifts': '{card} で {gifts}（{coins}）を買う場合',
  'widget.answer.for_coins': '{card} で {coins} を買う場合',
  'widget.answer.gift_count': '{gift} × {count}',
  'widget.answer.creator_keeps': 'クリエイターの手元に残る額',
  'widget.answer.share': '{amount}（{share}）',
  'widget.answer.coins_bought': '購入する{coins}',
  'widget.answer.bought_in': '{coins}（{purchases} 回の購入）',
  'widget.answer.cheaper_on': '{card} ならもっと安い',
  'widget.answer.save': '{price}（{saving} お得）',
  'widget.foot': '{card}：{date} 時点の数値です。giftsim がお使いのブラウザー内で計算しました。{open}',
  'widget.foot.undated': '{card}：この数値の時点は記載されていません。giftsim がお使いのブラウザー内で計算しました。{open}',
  'widget.foot.open': '完全版の計算ツールを開く',
};
